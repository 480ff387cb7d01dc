using Exchange.Gateway.UnitTests.InProcess;
using Exchange.Protos.Audit.V1;
using Exchange.Protos.PublicSecurity.V1;
using Exchange.Testing;
using Grpc.Core;

namespace Exchange.Gateway.UnitTests.Identity;

/// <summary>
/// No call passes the gateway without a valid catalog token for the gateway's audience (in process: tokens signed with
/// the key the gateway holds as the catalog's, or forged).
/// </summary>
public sealed class TokenValidationTests(GatewayHost host) : IClassFixture<GatewayHost>
{
    private static readonly VerifyIdentityRequest Identity = new() { CitizenId = "11010519491231002X", Name = "张伟" };

    [Fact]
    public async Task Valid_token_is_accepted_and_not_forwarded_to_the_provider()
    {
        var token = host.Token(GatewayHost.ClientOf("CIVIL-AFFAIRS"), "CIVIL-AFFAIRS");

        var reply = await Client().VerifyIdentityAsync(Identity, GatewayHost.CaseHeaders("Bearer " + token));

        Assert.True(reply.Match);
        Assert.NotEmpty(host.Provider.Received);
        Assert.All(host.Provider.Received, headers => Assert.Null(headers.Get("authorization")));
    }

    [Fact]
    public async Task Call_without_a_token_hears_how_to_get_one_and_is_recorded_without_reaching_a_provider()
    {
        var before = host.Provider.Received.Count;

        var ex = await Refused(null);

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
        Assert.Contains("no bearer token", ex.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("/connect/token", ex.Status.Detail, StringComparison.Ordinal);
        var requestId = ex.Trailers.GetValue("x-exchange-request-id");
        Assert.False(string.IsNullOrEmpty(requestId));
        Assert.Equal(before, host.Provider.Received.Count);
        var asAdmin = new AuditService.AuditServiceClient(host.Channel());
        var admin = new Metadata { { "authorization", "Bearer " + host.Token("exchange-catalog-admin", department: null, role: "catalog-admin") } };
        AuditRecord? record = null;
        // The audit writer stores records in batches, shortly after the answer.
        await Eventually.WithinAsync(TimeSpan.FromSeconds(60), async () =>
        {
            var records = await asAdmin.QueryAuditRecordsAsync(new QueryAuditRecordsRequest { PageSize = 1000 }, admin);
            record = records.Records.SingleOrDefault(r => r.RequestId == requestId);
            return record is not null;
        }, "the refused call is in the audit log");
        Assert.Equal("UNAUTHENTICATED", record!.Status);
        Assert.Equal(string.Empty, record.ConsumerDepartmentCode);
        Assert.Equal(string.Empty, record.ProviderDepartmentCode);
        Assert.Equal("/exchange.publicsecurity.v1.PopulationService/VerifyIdentity", record.Method);
    }

    [Fact]
    public async Task Expired_token_is_unauthenticated_and_says_so()
    {
        var expired = host.Token(GatewayHost.ClientOf("CIVIL-AFFAIRS"), "CIVIL-AFFAIRS", lifetime: TimeSpan.FromMinutes(-5));

        var ex = await Refused("Bearer " + expired);

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
        Assert.Contains("expired", ex.Status.Detail, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Token_with_a_changed_claim_is_unauthenticated()
    {
        var token = host.Token(GatewayHost.ClientOf("CIVIL-AFFAIRS"), "CIVIL-AFFAIRS");
        var parts = token.Split('.');
        var payload = System.Text.Encoding.UTF8.GetString(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.DecodeBytes(parts[1]))
            .Replace("CIVIL-AFFAIRS", "PUBLIC-SECURITY", StringComparison.Ordinal);
        var forged = $"{parts[0]}.{Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(payload)}.{parts[2]}";

        var ex = await Refused("Bearer " + forged);

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
    }

    [Fact]
    public async Task Token_signed_by_a_key_the_catalog_never_published_is_unauthenticated()
    {
        var forged = host.Token(GatewayHost.ClientOf("CIVIL-AFFAIRS"), "CIVIL-AFFAIRS", signingKey: GatewayHost.NewKey("catalog-test-key"));

        var ex = await Refused("Bearer " + forged);

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
    }

    [Fact]
    public async Task Token_for_another_audience_is_unauthenticated_naming_the_audience()
    {
        var catalogToken = host.Token(GatewayHost.ClientOf("CIVIL-AFFAIRS"), "CIVIL-AFFAIRS", audience: "exchange-catalog");

        var ex = await Refused("Bearer " + catalogToken);

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
        Assert.Contains("audience", ex.Status.Detail, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Client_of_no_department_is_permission_denied_by_name()
    {
        var adminToken = host.Token("exchange-catalog-admin", department: null, role: "catalog-admin");

        var ex = await Refused("Bearer " + adminToken);

        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
        Assert.Contains("'exchange-catalog-admin' acts for no department", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_api_without_a_token_answers_unauthenticated_with_the_reason()
    {
        var audit = new AuditService.AuditServiceClient(host.Channel());

        var ex = await Assert.ThrowsAsync<RpcException>(() => audit.QueryAuditRecordsAsync(new QueryAuditRecordsRequest()).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
        Assert.Contains("no bearer token", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_api_refuses_a_token_for_another_audience()
    {
        var catalogToken = host.Token(GatewayHost.ClientOf("CIVIL-AFFAIRS"), "CIVIL-AFFAIRS", audience: "exchange-catalog");
        var audit = new AuditService.AuditServiceClient(host.Channel());

        var ex = await Assert.ThrowsAsync<RpcException>(() =>
            audit.QueryAuditRecordsAsync(new QueryAuditRecordsRequest(), new Metadata { { "authorization", "Bearer " + catalogToken } }).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
        Assert.Contains("audience", ex.Status.Detail, StringComparison.OrdinalIgnoreCase);
    }

    private PopulationService.PopulationServiceClient Client() => new(host.Channel());

    private async Task<RpcException> Refused(string? authorization) =>
        await Assert.ThrowsAsync<RpcException>(() => Client().VerifyIdentityAsync(Identity, GatewayHost.CaseHeaders(authorization)).ResponseAsync);
}

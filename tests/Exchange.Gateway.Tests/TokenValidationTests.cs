using Exchange.Client;
using Exchange.Protos.Audit.V1;
using Exchange.Protos.PublicSecurity.V1;
using Exchange.Testing;
using Grpc.Core;
using Grpc.Net.Client;

namespace Exchange.Gateway.Tests;

public sealed class ShortLivedTokensFixture : ClusterFixture
{
    /// <summary>Short, so a token expires during the test; the test polls for the expiry instead of sleeping past it.</summary>
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromSeconds(3);

    protected override ExchangeClusterOptions Options => new()
    {
        CatalogSettings = new Dictionary<string, string> { ["Identity:AccessTokenLifetime"] = TokenLifetime.ToString("c") },
        GatewaySettings = new Dictionary<string, string> { ["Identity:ClockSkew"] = "00:00:00" },
    };
}

/// <summary>
/// The gateway lets no call through without a valid token from the catalog for the gateway's audience. On the shared
/// cluster, whose tokens live long enough that a loaded machine cannot let one expire before its call.
/// </summary>
[Collection(SharedClusterCollection.Name)]
public sealed class TokenValidationTests(ClusterFixture fixture)
{
    private static readonly VerifyIdentityRequest Identity = new() { CitizenId = "11010519491231002X", Name = "张伟" };

    [Fact]
    public async Task Valid_token_is_accepted()
    {
        var client = new PopulationService.PopulationServiceClient(fixture.Cluster.GatewayCallsAs(ExchangeClients.CivilAffairs));

        await client.VerifyIdentityAsync(Identity);
    }

    [Fact]
    public async Task Call_without_a_token_is_unauthenticated()
    {
        var ex = await CallWithAuthorization(fixture.Cluster, null);

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
    }

    [Fact]
    public async Task Forged_token_is_unauthenticated()
    {
        var token = await fixture.Cluster.Tokens(ExchangeClients.CivilAffairs).GetTokenAsync();
        var forged = JwtForgery.WithClaim(token, "department", "PUBLIC-SECURITY");

        var ex = await CallWithAuthorization(fixture.Cluster, "Bearer " + forged);

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
    }

    [Fact]
    public async Task Token_signed_by_another_key_is_unauthenticated()
    {
        var token = await fixture.Cluster.Tokens(ExchangeClients.CivilAffairs).GetTokenAsync();

        var ex = await CallWithAuthorization(fixture.Cluster, "Bearer " + JwtForgery.ResignedWithOwnKey(token));

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
    }

    [Fact]
    public async Task Token_for_another_audience_is_unauthenticated()
    {
        var catalogToken = await fixture.Cluster.Tokens(ExchangeClients.CivilAffairs, ExchangeScopes.Catalog).GetTokenAsync();

        var ex = await CallWithAuthorization(fixture.Cluster, "Bearer " + catalogToken);

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
        Assert.Contains("audience", ex.Status.Detail, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Call_without_a_token_hears_how_to_get_one_and_is_recorded_without_reaching_a_provider()
    {
        var ex = await CallWithAuthorization(fixture.Cluster, null);

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
        Assert.Contains("no bearer token", ex.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("/connect/token", ex.Status.Detail, StringComparison.Ordinal);
        var requestId = ex.Trailers.GetValue("x-exchange-request-id");
        Assert.False(string.IsNullOrEmpty(requestId));
        var asAdmin = new AuditService.AuditServiceClient(fixture.Cluster.GatewayCallsAs(ExchangeClients.CatalogAdmin));
        var records = await asAdmin.QueryAuditRecordsAsync(new QueryAuditRecordsRequest { PageSize = 1000 });
        var record = Assert.Single(records.Records, r => r.RequestId == requestId);
        Assert.Equal("UNAUTHENTICATED", record.Status);
        Assert.Equal(string.Empty, record.ConsumerDepartmentCode);
        Assert.Equal(string.Empty, record.ProviderDepartmentCode);
        Assert.Equal("/exchange.publicsecurity.v1.PopulationService/VerifyIdentity", record.Method);
    }

    [Fact]
    public async Task Client_of_no_department_is_permission_denied_by_name()
    {
        var adminToken = await fixture.Cluster.Tokens(ExchangeClients.CatalogAdmin).GetTokenAsync();

        var ex = await CallWithAuthorization(fixture.Cluster, "Bearer " + adminToken);

        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
        Assert.Contains($"'{ExchangeClients.CatalogAdmin}' acts for no department", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_api_without_a_token_answers_unauthenticated_with_the_reason_not_an_http_error()
    {
        using var channel = GrpcChannel.ForAddress(fixture.Cluster.Gateway.Address, new GrpcChannelOptions { HttpHandler = TestPki.CreateHandler() });
        var audit = new AuditService.AuditServiceClient(channel);

        var ex = await Assert.ThrowsAsync<RpcException>(() => audit.QueryAuditRecordsAsync(new QueryAuditRecordsRequest()).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
        Assert.Contains("no bearer token", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_api_refuses_a_token_for_another_audience()
    {
        var catalogToken = await fixture.Cluster.Tokens(ExchangeClients.CivilAffairs, ExchangeScopes.Catalog).GetTokenAsync();
        using var channel = GrpcChannel.ForAddress(fixture.Cluster.Gateway.Address, new GrpcChannelOptions { HttpHandler = TestPki.CreateHandler() });
        var audit = new AuditService.AuditServiceClient(channel);

        var ex = await Assert.ThrowsAsync<RpcException>(() =>
            audit.QueryAuditRecordsAsync(new QueryAuditRecordsRequest(), new Metadata { { "authorization", "Bearer " + catalogToken } }).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
        Assert.Contains("audience", ex.Status.Detail, StringComparison.OrdinalIgnoreCase);
    }

    internal static async Task<RpcException> CallWithAuthorization(ExchangeCluster cluster, string? authorization) =>
        await TryCallWithAuthorization(cluster, authorization) ?? throw new Xunit.Sdk.XunitException("The call succeeded; expected UNAUTHENTICATED.");

    internal static async Task<RpcException?> TryCallWithAuthorization(ExchangeCluster cluster, string? authorization)
    {
        var headers = Exchange.Client.ExchangeCallCredentials.ForCase("TEST-2026-000002", "令牌校验测试");
        if (authorization is not null)
            headers.Add("authorization", authorization);
        using var channel = GrpcChannel.ForAddress(cluster.Gateway.Address, new GrpcChannelOptions { HttpHandler = TestPki.CreateHandler() });
        try
        {
            await new PopulationService.PopulationServiceClient(channel).VerifyIdentityAsync(Identity, headers);
            return null;
        }
        catch (RpcException ex)
        {
            return ex;
        }
    }
}

/// <summary>An expired token is refused, and the refusal says so. Polls for the expiry rather than sleeping a fixed time.</summary>
public sealed class TokenExpiryTests(ShortLivedTokensFixture fixture) : IClassFixture<ShortLivedTokensFixture>
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Expired_token_is_unauthenticated()
    {
        var provider = new ExchangeTokenProvider(new HttpClient(TestPki.CreateHandler()), new ExchangeClientOptions
        {
            TokenEndpoint = fixture.Cluster.TokenEndpoint,
            ClientId = ExchangeClients.CivilAffairs,
            ClientSecret = fixture.Cluster.SecretOf(ExchangeClients.CivilAffairs),
        });
        var token = await provider.GetTokenAsync();

        RpcException? refused = null;
        await Eventually.WithinAsync(Bound, async () =>
            (refused = await TokenValidationTests.TryCallWithAuthorization(fixture.Cluster, "Bearer " + token)) is not null, "the token expires");

        Assert.Equal(StatusCode.Unauthenticated, refused!.StatusCode);
        Assert.Contains("expired", refused.Status.Detail, StringComparison.OrdinalIgnoreCase);
    }
}

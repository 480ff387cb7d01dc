using Exchange.ExchangeContext;
using Exchange.Gateway.UnitTests.InProcess;
using Exchange.Protos.PublicSecurity.V1;
using Exchange.Testing;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Data.Sqlite;

namespace Exchange.Gateway.UnitTests.Routing;

/// <summary>
/// Calls that no published catalog resource covers get a gRPC NOT_FOUND naming the method, not an HTTP 404, whether
/// the path names a published service (a method it does not publish) or not, and pass the same admission as any call
/// first: the caller is authenticated and the call recorded in the audit log.
/// </summary>
public sealed class UnpublishedServiceTests(GatewayHost host) : IClassFixture<GatewayHost>
{
    [Theory]
    [InlineData("exchange.humanresources.v1.SocialInsuranceService", "GetContributions")]
    [InlineData("exchange.publicsecurity.v1.PopulationService", "DeleteResident")]
    [InlineData("not.a.Service", "Anything")]
    [InlineData("PopulationService", "GetResident")]
    [InlineData("EXCHANGE.PUBLICSECURITY.V1.POPULATIONSERVICE", "GetResident")]
    [InlineData("exchange.publicsecurity.v1.PopulationService", "GetResident/Extra")]
    public async Task Call_without_a_published_resource_is_not_found(string service, string method)
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => RawGrpcCall.UnaryAsync(host.CallsAs("CIVIL-AFFAIRS"), service, method));

        // Grpc.Net.Client reports a bare HTTP 404 as UNIMPLEMENTED; NOT_FOUND proves the gateway answered in gRPC.
        Assert.Equal(StatusCode.NotFound, ex.StatusCode);
        Assert.Equal($"No published catalog resource serves {service}/{method}. Ask the providing department to publish it in the catalog.", ex.Status.Detail);
    }

    [Theory]
    [InlineData("exchange.humanresources.v1.SocialInsuranceService", "GetContributions")]
    [InlineData("exchange.publicsecurity.v1.PopulationService", "DeleteResident")]
    public async Task Call_without_a_token_is_refused_as_unauthenticated_before_any_method_lookup(string service, string method)
    {
        var population = new PopulationService.PopulationServiceClient(host.Channel());
        var published = await Assert.ThrowsAsync<RpcException>(() =>
            population.VerifyIdentityAsync(new VerifyIdentityRequest(), GatewayHost.CaseHeaders(authorization: null)).ResponseAsync);

        var unpublished = await Assert.ThrowsAsync<RpcException>(() =>
            RawGrpcCall.UnaryAsync(host.Channel().Intercept(metadata =>
            {
                foreach (var header in GatewayHost.CaseHeaders(authorization: null))
                    metadata.Add(header);
                return metadata;
            }), service, method));

        Assert.Equal(StatusCode.Unauthenticated, unpublished.StatusCode);
        Assert.Equal((published.StatusCode, published.Status.Detail), (unpublished.StatusCode, unpublished.Status.Detail));
    }

    [Theory]
    [InlineData("exchange.humanresources.v1.SocialInsuranceService", "GetContributions")]
    [InlineData("exchange.publicsecurity.v1.PopulationService", "DeleteResident")]
    public async Task Call_without_a_published_resource_is_recorded_with_its_path_and_answer(string service, string method)
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => RawGrpcCall.UnaryAsync(host.CallsAs("CIVIL-AFFAIRS"), service, method));
        var requestId = ex.Trailers.GetValue(ExchangeMetadata.RequestId);

        Assert.False(string.IsNullOrEmpty(requestId));
        Assert.Equal(("CIVIL-AFFAIRS", "", "", $"/{service}/{method}", "NOT_FOUND", ex.Status.Detail), StoredRecord(requestId!));
    }

    private (string Consumer, string Provider, string Resource, string Method, string Status, string Message) StoredRecord(string requestId)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = host.AuditDatabasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT coalesce(consumer, ''), coalesce(provider, ''), coalesce(resource, ''), method, status, coalesce(status_message, '') FROM audit_records WHERE request_id = @id;";
        command.Parameters.AddWithValue("@id", requestId);
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read(), $"no audit record of call {requestId}");
        return (reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5));
    }
}

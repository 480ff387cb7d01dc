using Exchange.Testing;
using Grpc.Core;

namespace Exchange.Gateway.Tests;

/// <summary>Calls that no published catalog resource covers get a gRPC NOT_FOUND, not an HTTP 404.</summary>
[Collection(SharedClusterCollection.Name)]
public sealed class UnpublishedServiceTests(ClusterFixture fixture)
{
    [Theory]
    [InlineData("exchange.humanresources.v1.SocialInsuranceService", "GetContributions")]
    [InlineData("exchange.publicsecurity.v1.PopulationService", "DeleteResident")]
    [InlineData("not.a.Service", "Anything")]
    public async Task Call_without_a_published_resource_is_not_found(string service, string method)
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => RawGrpcCall.UnaryAsync(fixture.Cluster.GatewayCallsAs(ExchangeClients.CivilAffairs), service, method));

        // Grpc.Net.Client reports a bare HTTP 404 as UNIMPLEMENTED; NOT_FOUND proves the gateway answered in gRPC.
        Assert.Equal(StatusCode.NotFound, ex.StatusCode);
        Assert.Contains($"{service}/{method}", ex.Status.Detail);
    }
}

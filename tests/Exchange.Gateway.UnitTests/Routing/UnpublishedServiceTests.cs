using Exchange.Gateway.UnitTests.InProcess;
using Exchange.Testing;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Exchange.Gateway.UnitTests.Routing;

/// <summary>Calls that no published catalog resource covers get a gRPC NOT_FOUND naming the method, not an HTTP 404.</summary>
public sealed class UnpublishedServiceTests(GatewayHost host) : IClassFixture<GatewayHost>
{
    [Theory]
    [InlineData("exchange.humanresources.v1.SocialInsuranceService", "GetContributions")]
    [InlineData("exchange.publicsecurity.v1.PopulationService", "DeleteResident")]
    [InlineData("not.a.Service", "Anything")]
    public async Task Call_without_a_published_resource_is_not_found(string service, string method)
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => RawGrpcCall.UnaryAsync(host.CallsAs("CIVIL-AFFAIRS"), service, method));

        // Grpc.Net.Client reports a bare HTTP 404 as UNIMPLEMENTED; NOT_FOUND proves the gateway answered in gRPC.
        Assert.Equal(StatusCode.NotFound, ex.StatusCode);
        Assert.Contains($"{service}/{method}", ex.Status.Detail);
    }
}

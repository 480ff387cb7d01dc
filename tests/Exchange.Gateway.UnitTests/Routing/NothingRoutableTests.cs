using Exchange.Gateway.UnitTests.InProcess;
using Exchange.Protos.Catalog.V1;
using Exchange.Protos.PublicSecurity.V1;
using Grpc.Core;

namespace Exchange.Gateway.UnitTests.Routing;

/// <summary>
/// A catalog whose resources are none of them routable (here: one whose provider endpoint is in clear text, which only
/// mutual TLS may reach) gives the proxy no route at all; its methods still hear NOT_FOUND naming them.
/// </summary>
public sealed class NothingRoutableTests(NothingRoutableTests.Host host) : IClassFixture<NothingRoutableTests.Host>
{
    public sealed class Host : GatewayHost
    {
        protected override IEnumerable<Resource> Resources()
        {
            var population = Resource(PopulationResource, "PUBLIC-SECURITY", ShareType.Conditional, "exchange.publicsecurity.v1.PopulationService", "VerifyIdentity");
            population.Endpoint = "http://public-security.test";
            return [population];
        }
    }

    [Fact]
    public async Task Method_of_an_unroutable_resource_is_not_found()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() =>
            new PopulationService.PopulationServiceClient(host.CallsAs("CIVIL-AFFAIRS")).VerifyIdentityAsync(new VerifyIdentityRequest()).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, ex.StatusCode);
        Assert.Equal("No published catalog resource serves exchange.publicsecurity.v1.PopulationService/VerifyIdentity. Ask the providing department to publish it in the catalog.", ex.Status.Detail);
        Assert.Empty(host.Provider.Received);
    }
}

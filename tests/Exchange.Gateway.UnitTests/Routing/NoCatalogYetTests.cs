using Exchange.Gateway.UnitTests.InProcess;
using Exchange.Protos.PublicSecurity.V1;
using Grpc.Core;

namespace Exchange.Gateway.UnitTests.Routing;

/// <summary>
/// A gateway that has no catalog at all yet (no saved snapshot, and the catalog does not answer) routes nothing: every
/// call, to a method it would route once the catalog answers or to any other, hears UNAVAILABLE, not NOT_FOUND.
/// </summary>
public sealed class NoCatalogYetTests(NoCatalogYetTests.Host host) : IClassFixture<NoCatalogYetTests.Host>
{
    public sealed class Host : GatewayHost
    {
        public Host() => File.Delete(Path.Combine(DataDirectory, "catalog-snapshot.pb"));
    }

    [Fact]
    public async Task Calls_are_unavailable_until_a_catalog_is_known()
    {
        var published = await Assert.ThrowsAsync<RpcException>(() =>
            new PopulationService.PopulationServiceClient(host.CallsAs("CIVIL-AFFAIRS")).VerifyIdentityAsync(new VerifyIdentityRequest()).ResponseAsync);
        var unknown = await Assert.ThrowsAsync<RpcException>(() =>
            Exchange.Testing.RawGrpcCall.UnaryAsync(host.CallsAs("CIVIL-AFFAIRS"), "not.a.Service", "Anything"));

        Assert.All([published, unknown], ex =>
        {
            Assert.Equal(StatusCode.Unavailable, ex.StatusCode);
            Assert.Equal($"The gateway has no catalog yet: no saved snapshot and the catalog at {GatewayHost.Authority} has not answered. Try again shortly.", ex.Status.Detail);
        });
    }
}

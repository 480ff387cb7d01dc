using Exchange.Protos.MarketRegulation.V1;
using Exchange.Protos.PublicSecurity.V1;
using Exchange.Testing;
using Grpc.Core;

namespace Exchange.Gateway.Tests;

/// <summary>With the catalog down, the gateway keeps routing on its last snapshot, also after its own restart.</summary>
[Collection(FaultClusterCollection.Name)]
public sealed class CatalogOutageTests(FaultClusterCollection.Fixture fixture)
{
    private static readonly VerifyIdentityRequest Identity = new() { CitizenId = "11010519491231002X", Name = "张伟" };

    [Fact]
    public async Task Gateway_routes_on_its_last_snapshot_while_the_catalog_is_down_and_after_its_own_restart()
    {
        var cluster = fixture.Cluster;
        await Population(cluster).VerifyIdentityAsync(Identity);

        cluster.Catalog.Kill();
        try
        {
            for (var i = 0; i < 20; i++)
                await Population(cluster).VerifyIdentityAsync(Identity);

            cluster.Gateway.Kill();
            await cluster.Gateway.StartAsync(TestContext.Current.CancellationToken);

            await Population(cluster).VerifyIdentityAsync(Identity);
            await new EnterpriseService.EnterpriseServiceClient(cluster.GatewayCallsAs(ExchangeClients.CivilAffairs))
                .VerifyEnterpriseAsync(new VerifyEnterpriseRequest { CreditCode = "91350100M000100Y43", Name = "某某有限公司" });
        }
        finally
        {
            // The cluster is shared by the fault collection: what this test stopped runs again whatever the outcome.
            if (!cluster.Gateway.IsRunning)
                await cluster.Gateway.StartAsync(TestContext.Current.CancellationToken);
            await cluster.Catalog.StartAsync(TestContext.Current.CancellationToken);
        }
        await Population(cluster).VerifyIdentityAsync(Identity);
    }

    [Fact]
    public async Task Provider_down_gives_unavailable_and_other_departments_keep_working()
    {
        var cluster = fixture.Cluster;
        var enterprise = new EnterpriseService.EnterpriseServiceClient(cluster.GatewayCallsAs(ExchangeClients.CivilAffairs));
        var verify = new VerifyEnterpriseRequest { CreditCode = "91350100M000100Y43", Name = "某某有限公司" };

        cluster.MarketRegulation.Kill();
        try
        {
            var ex = await Assert.ThrowsAsync<RpcException>(() =>
                enterprise.VerifyEnterpriseAsync(verify, deadline: DateTime.UtcNow.AddSeconds(10)).ResponseAsync);
            Assert.Equal(StatusCode.Unavailable, ex.StatusCode);
            Assert.Contains(cluster.MarketRegulation.Address.Authority, ex.Status.Detail);

            await Population(cluster).VerifyIdentityAsync(Identity);
        }
        finally
        {
            await cluster.MarketRegulation.StartAsync(TestContext.Current.CancellationToken);
        }

        await Eventually.WithinAsync(TimeSpan.FromSeconds(10),
            async () => await GrpcStatus.OfAsync(() => enterprise.VerifyEnterpriseAsync(verify).ResponseAsync) == StatusCode.OK,
            "the gateway routes to the restarted provider again");
    }

    private static PopulationService.PopulationServiceClient Population(ExchangeCluster cluster) => new(cluster.GatewayCallsAs(ExchangeClients.CivilAffairs));
}

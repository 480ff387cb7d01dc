using Exchange.Protos.Audit.V1;
using Exchange.Protos.PublicSecurity.V1;
using Exchange.Testing;
using Grpc.Net.Client;

namespace Exchange.Gateway.Tests;

/// <summary>
/// Two gateway instances, each with its own SQLite audit log, witness each other's checkpoints besides the catalog. They
/// run beside the fault cluster's gateway (a cluster of two instances would cost a cluster start for one test); only
/// this test calls through the first of them, so its log holds exactly the calls made here.
/// </summary>
[Collection(FaultClusterCollection.Name)]
public sealed class GatewayWitnessTests(FaultClusterCollection.Fixture fixture, ITestOutputHelper output)
{
    private ExchangeCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task Each_instance_witnesses_the_other_and_refuses_its_rewritten_log()
    {
        var instances = await fixture.WitnessingGatewaysAsync();
        await RewrittenLogIsRefusedAsync(instances[0], instances[1]);
    }

    private async Task RewrittenLogIsRefusedAsync(ServiceProcess first, ServiceProcess second)
    {
        await CallAsync(first, 5);
        var verified = await VerifyAsync(first);
        Assert.True(verified.Intact, verified.Problem);
        Assert.Equal("witnessing-1", verified.WitnessedCheckpoint.LogId);
        Assert.Equal(2, verified.Witnesses.Count);
        Assert.All(verified.Witnesses, w => Assert.Equal(5, w.TreeSize));

        using var channel = GrpcChannel.ForAddress(second.Address, new GrpcChannelOptions { HttpHandler = TestPki.CreateHandler() });
        var held = (await new WitnessService.WitnessServiceClient(channel).GetWitnessedCheckpointAsync(new GetWitnessedCheckpointRequest { LogId = "witnessing-1" })).Witnessed;
        Assert.Equal(5, held.Checkpoint.TreeSize);
        Assert.Equal("witnessing-2", Assert.Single(held.Cosignatures).WitnessName);

        await first.StopAsync();
        new AuditRewriter(Path.Combine(first.WorkingDirectory, ".data", "gateway", "audit.db")).EditAndRehash(2, "MARKET-REGULATION");
        await first.StartAsync(TestContext.Current.CancellationToken);
        await CallAsync(first, 3);

        var rewritten = await VerifyAsync(first);
        output.WriteLine(rewritten.Problem);
        Assert.False(rewritten.Intact);
        Assert.Equal(AuditFailure.RootMismatch, rewritten.Failure);
        // Both witnesses refused the rewritten log's growth and still hold the tree they saw.
        Assert.All(rewritten.Witnesses, w => Assert.Equal(5, w.TreeSize));
        held = (await new WitnessService.WitnessServiceClient(channel).GetWitnessedCheckpointAsync(new GetWitnessedCheckpointRequest { LogId = "witnessing-1" })).Witnessed;
        Assert.Equal(5, held.Checkpoint.TreeSize);
    }

    private async Task CallAsync(ServiceProcess gateway, int count)
    {
        var population = new PopulationService.PopulationServiceClient(Cluster.GatewayCallsAs(gateway, ExchangeClients.CivilAffairs));
        for (var i = 0; i < count; i++)
            await population.GetResidentAsync(new GetResidentRequest { CitizenId = SeededPopulation.Default.Residents[i].CitizenId });
    }

    private async Task<VerifyAuditChainResponse> VerifyAsync(ServiceProcess gateway) =>
        await new AuditService.AuditServiceClient(Cluster.GatewayCallsAs(gateway, ExchangeClients.CivilAffairs)).VerifyAuditChainAsync(new VerifyAuditChainRequest());
}

using System.Security.Cryptography;
using Exchange.Protos.Audit.V1;
using Exchange.Protos.PublicSecurity.V1;
using Exchange.Testing;
using Exchange.Transparency;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;

namespace Exchange.Gateway.Tests;

/// <summary>
/// An insider with write access to a gateway's audit store (sqlite3), while the gateway runs, alters a record and then
/// rewrites the store so that every stored hash checks out; the catalog's witnessed checkpoint catches it, and each way
/// an operator asks names it: the API, the CLI (<c>exchange audit prove</c> and <c>audit verify</c>, by their exit codes)
/// and the offline verifier run against the catalog. One journey on a gateway of its own (its own store and log id).
/// The rules themselves (a deleted tail, a restored backup and its fork, an edit that breaks the chain, a pre-migration
/// store) are proven in process: Exchange.Gateway.UnitTests' Audit/AuditTamperingTests.
/// </summary>
[Collection(SharedClusterCollection.Name)]
public sealed class AuditTransparencyTests(RecordedClusterFixture fixture, ITestOutputHelper output)
{
    private ExchangeCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task A_rewritten_log_is_named_by_the_api_the_cli_and_the_offline_verifier_and_an_altered_record_fails_its_proof()
    {
        var (gateway, logId) = await StartOwnGatewayAsync("rewrite");
        await CallAsync(gateway, 9);
        var before = await VerifyAsync(gateway);
        Assert.True(before.Intact, before.Problem);
        Assert.Equal(9, before.WitnessedCheckpoint.TreeSize);

        var proof = await new AuditService.AuditServiceClient(Cluster.GatewayCallsAs(gateway, ExchangeClients.CivilAffairs))
            .GetInclusionProofAsync(new GetInclusionProofRequest { Sequence = 4 });
        var root = proof.Checkpoint.Checkpoint.RootHash.ToByteArray();
        Assert.True(MerkleProofs.VerifyInclusion(3, proof.TreeSize, AuditRecordLeaf.Hash(proof.Record), CheckpointMessages.Hashes(proof.Proof), root));
        var (proved, printed) = Cli(gateway, "audit", "prove", "4");
        Assert.True(proved == 0, printed);

        // The store now shows record 4 with another purpose: the proof the gateway gives for it no longer verifies.
        var store = Store(gateway);
        store.Execute("UPDATE audit_records SET purpose = '伪造的用途' WHERE sequence = 4");
        var (refused, message) = Cli(gateway, "audit", "prove", "4");
        Assert.Equal(1, refused);
        Assert.Contains("PROOF FAILED", message);

        // Then every hash from record 3 on is recomputed, with record 3 edited too: the chain alone checks out again.
        store.EditAndRehash(3, "MARKET-REGULATION");
        Assert.True(store.ChainIsInternallyConsistent(), "the rewrite leaves a chain the old hash-chain verifier accepts");

        Assert.Equal(1, OfflineAuditVerifier.Run(Cluster, Connection(gateway), gateway.WorkingDirectory, out var offline, logId));
        output.WriteLine(offline);
        Assert.Contains("ROOT MISMATCH", offline);
        var after = await VerifyAsync(gateway);
        Assert.False(after.Intact);
        Assert.Equal(AuditFailure.RootMismatch, after.Failure);
        Assert.Equal(9, after.WitnessedCheckpoint.TreeSize);
        var (exitCode, cli) = Cli(gateway, "audit", "verify");
        Assert.Equal(1, exitCode);
        Assert.Contains("RootMismatch", cli);
        await gateway.StopAsync();
    }

    [Fact]
    public async Task The_catalog_refuses_checkpoints_from_callers_and_keys_it_does_not_trust()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var leaves = new List<byte[]> { MerkleTree.LeafHash("x"u8) };
        var request = new SubmitCheckpointRequest
        {
            Checkpoint = CheckpointMessages.ToMessage(TransparencyKey.Sign(key, new Exchange.Transparency.Checkpoint("forged-log", 1, MerkleTree.Root(leaves, 1), 0))),
        };
        using var channel = GrpcChannel.ForAddress(Cluster.Catalog.Address, new GrpcChannelOptions { HttpHandler = TestPki.CreateHandler() });
        var anonymous = await Assert.ThrowsAsync<RpcException>(() => new WitnessService.WitnessServiceClient(channel).SubmitCheckpointAsync(request).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, anonymous.StatusCode);

        var department = await Assert.ThrowsAsync<RpcException>(() =>
            new WitnessService.WitnessServiceClient(Cluster.CatalogCallsAs(ExchangeClients.CivilAffairs)).SubmitCheckpointAsync(request).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, department.StatusCode);

        var untrusted = await Assert.ThrowsAsync<RpcException>(() =>
            new WitnessService.WitnessServiceClient(Cluster.CatalogCallsAs(ExchangeClients.Gateway)).SubmitCheckpointAsync(request).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, untrusted.StatusCode);
        Assert.Contains("not a trusted audit log key", untrusted.Status.Detail);
    }

    private async Task<(ServiceProcess Gateway, string LogId)> StartOwnGatewayAsync(string name)
    {
        var logId = $"test-{name}-{Guid.NewGuid():N}"[..24];
        // Checkpoints come from the verifications here; the timer must not race them.
        var gateway = await Cluster.StartGatewayAsync(new Dictionary<string, string> { ["Audit:LogId"] = logId, ["Audit:CheckpointInterval"] = "01:00:00" },
            TestContext.Current.CancellationToken);
        return (gateway, logId);
    }

    private async Task CallAsync(ServiceProcess gateway, int count)
    {
        var population = new PopulationService.PopulationServiceClient(Cluster.GatewayCallsAs(gateway, ExchangeClients.CivilAffairs));
        for (var i = 0; i < count; i++)
            await population.GetResidentAsync(new GetResidentRequest { CitizenId = SeededPopulation.Default.Residents[i].CitizenId });
    }

    private async Task<VerifyAuditChainResponse> VerifyAsync(ServiceProcess gateway) =>
        await new AuditService.AuditServiceClient(Cluster.GatewayCallsAs(gateway, ExchangeClients.CivilAffairs)).VerifyAuditChainAsync(new VerifyAuditChainRequest());

    private static AuditRewriter Store(ServiceProcess gateway) => new(Path.Combine(gateway.WorkingDirectory, ".data", "gateway", "audit.db"));

    private static string Connection(ServiceProcess gateway) => $"Data Source={Path.Combine(gateway.WorkingDirectory, ".data", "gateway", "audit.db")}";

    private (int ExitCode, string Output) Cli(ServiceProcess gateway, params string[] command)
    {
        var (exitCode, printed) = CliTests.Run([.. command, "--gateway", gateway.Address.ToString(), "--catalog", Cluster.Catalog.Address.ToString(),
            "--token-endpoint", Cluster.TokenEndpoint.ToString(), "--client", ExchangeClients.CivilAffairs, "--secret", Cluster.SecretOf(ExchangeClients.CivilAffairs)]);
        output.WriteLine($"exchange {string.Join(' ', command)} → {exitCode}: {printed}");
        return (exitCode, printed);
    }
}

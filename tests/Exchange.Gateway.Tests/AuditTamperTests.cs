using Exchange.Protos.Audit.V1;
using Exchange.Testing;
using Microsoft.Data.Sqlite;

namespace Exchange.Gateway.Tests;

/// <summary>
/// Editing or deleting a stored audit record breaks the hash chain, and both verifiers (the API and the offline command)
/// say where. On a gateway instance of its own (its own audit log) beside the fault cluster's, which it leaves intact.
/// </summary>
[Collection(FaultClusterCollection.Name)]
public sealed class AuditTamperTests(FaultClusterCollection.Fixture fixture, ITestOutputHelper output) : IAsyncLifetime
{
    private const string LogId = "gateway-tampered";
    private ServiceProcess? _gateway;

    private ExchangeCluster Cluster => fixture.Cluster;

    private ServiceProcess Gateway => _gateway ?? throw new InvalidOperationException("The gateway has not started.");

    private string AuditDatabase => Path.Combine(Gateway.WorkingDirectory, ".data", "gateway", "audit.db");

    public async ValueTask InitializeAsync() =>
        _gateway = await Cluster.StartGatewayAsync(new Dictionary<string, string> { ["Audit:LogId"] = LogId }, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_gateway is not null)
            await _gateway.StopAsync();
    }

    [Fact]
    public async Task Edited_and_deleted_records_are_caught_by_the_verifiers()
    {
        for (var i = 0; i < 6; i++)
            await ResourceCalls.Call(Cluster, Gateway, ExchangeClients.CivilAffairs, "PS-RESIDENT-BASIC");
        Assert.True((await VerifyViaApiAsync()).Intact);

        await Gateway.StopAsync();
        OfflineVerifierExits(0);

        Execute("UPDATE audit_records SET consumer = 'MARKET-REGULATION' WHERE sequence = 3");
        var edited = OfflineVerifierExits(1);
        Assert.Contains("3", edited);

        await Gateway.StartAsync(TestContext.Current.CancellationToken);
        var afterEdit = await VerifyViaApiAsync();
        Assert.False(afterEdit.Intact);
        Assert.Equal(3, afterEdit.FirstBrokenSequence);
        output.WriteLine($"edit: {afterEdit.Problem}");

        await Gateway.StopAsync();
        Execute("UPDATE audit_records SET consumer = 'CIVIL-AFFAIRS' WHERE sequence = 3");
        OfflineVerifierExits(0);
        Execute("DELETE FROM audit_records WHERE sequence = 4");
        var deleted = OfflineVerifierExits(1);
        output.WriteLine($"deletion, offline verifier: {deleted.Trim()}");

        await Gateway.StartAsync(TestContext.Current.CancellationToken);
        var afterDelete = await VerifyViaApiAsync();
        Assert.False(afterDelete.Intact);
        Assert.InRange(afterDelete.FirstBrokenSequence, 4, 5);
        output.WriteLine($"deletion: {afterDelete.Problem}");
    }

    private Task<VerifyAuditChainResponse> VerifyViaApiAsync() =>
        new AuditService.AuditServiceClient(Cluster.GatewayCallsAs(Gateway, ExchangeClients.CivilAffairs))
            .VerifyAuditChainAsync(new VerifyAuditChainRequest()).ResponseAsync;

    private void Execute(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={AuditDatabase};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        Assert.Equal(1, command.ExecuteNonQuery());
    }

    /// <returns>What the offline verifier printed, which a failure shows.</returns>
    private string OfflineVerifierExits(int expected)
    {
        var exitCode = OfflineAuditVerifier.Run(Cluster, $"Data Source={AuditDatabase}", Gateway.WorkingDirectory, out var printed, LogId);
        Assert.True(exitCode == expected, $"verify-audit exited {exitCode}, not {expected}: {printed}");
        return printed;
    }
}

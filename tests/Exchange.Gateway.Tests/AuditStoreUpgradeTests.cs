using Exchange.Protos.Audit.V1;
using Exchange.Protos.PublicSecurity.V1;
using Exchange.Testing;
using Microsoft.Data.Sqlite;

namespace Exchange.Gateway.Tests;

/// <summary>
/// An audit log written by a release before the audit schema had migrations is adopted, not recreated, and its chain
/// goes on. On a gateway instance of its own with its own audit file, so the shared cluster is left as it was.
/// </summary>
[Collection(SharedClusterCollection.Name)]
public sealed class AuditStoreUpgradeTests(ClusterFixture fixture)
{
    private ExchangeCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task An_audit_log_made_before_migrations_keeps_its_records_and_gets_the_missing_tables()
    {
        var folder = RepositoryLayout.NewTemporaryDirectory("old-audit");
        var file = Path.Combine(folder, "audit.db");
        try
        {
            // A first gateway writes two records the way the old schema holds them; its file then gets the old shape back.
            var first = await Cluster.StartGatewayAsync(new Dictionary<string, string> { ["ConnectionStrings:Audit"] = $"Data Source={file}" });
            await CallAsync(first, 2);
            await first.StopAsync();
            // The old shape had no leaf hashes or checkpoints either: the adoption marks the first migration applied and
            // the next one adds them, and the start-up fills in the leaf hashes of the old records.
            Execute(file, "DROP TABLE licence_uses; DROP TABLE material_checks; DROP TABLE audit_checkpoints; " +
                "ALTER TABLE audit_records DROP COLUMN leaf_hash; DROP TABLE __EFMigrationsHistory;");
            Assert.Equal(0, Count(file, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'licence_uses'"));

            await first.StartAsync(TestContext.Current.CancellationToken);
            await CallAsync(first, 1);

            Assert.Equal(3, Count(file, "SELECT COUNT(*) FROM audit_records"));
            Assert.Equal(1, Count(file, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'licence_uses'"));
            Assert.Equal(3, Count(file, "SELECT COUNT(*) FROM __EFMigrationsHistory")); // Initial adopted, TransparencyLog and MaterialCheckCases applied
            Assert.Equal(0, Count(file, "SELECT COUNT(*) FROM audit_records WHERE leaf_hash = ''"));
            var verification = await new AuditService.AuditServiceClient(Cluster.GatewayCallsAs(first, ExchangeClients.CivilAffairs))
                .VerifyAuditChainAsync(new VerifyAuditChainRequest());
            Assert.True(verification.Intact, verification.Problem);
            Assert.Equal(3, verification.RecordsChecked);
            await first.StopAsync();
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private async Task CallAsync(ServiceProcess gateway, int calls)
    {
        var population = new PopulationService.PopulationServiceClient(Cluster.GatewayCallsAs(gateway, ExchangeClients.CivilAffairs));
        for (var i = 0; i < calls; i++)
            await population.GetResidentAsync(new GetResidentRequest { CitizenId = SeededPopulation.Default.Residents[i].CitizenId });
    }

    private static void Execute(string file, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static long Count(string file, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}

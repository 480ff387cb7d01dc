using Exchange.Gateway.Audit;
using Exchange.Gateway.UnitTests.InProcess;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Exchange.Gateway.UnitTests.Audit;

/// <summary>
/// The audit writer's group commit: an append completes only once its record is in the store, every record gets one
/// place in one unbroken chain however many threads append at once.
/// </summary>
public sealed class AuditWriterTests(GatewayHost host) : IClassFixture<GatewayHost>
{
    [Fact]
    public async Task Appends_from_many_threads_are_each_stored_once_in_one_unbroken_chain()
    {
        var log = Log();
        var entries = Enumerable.Range(0, 160).Select(i => Entry($"together-{i}")).ToArray();

        await Task.WhenAll(entries.Chunk(20).Select(chunk => Task.Run(async () =>
        {
            foreach (var entry in chunk)
            {
                await log.AppendAsync(entry);
                Assert.Equal(1, StoredCount(entry.RequestId));
            }
        })));
        await Task.WhenAll(entries.Select(entry => log.AppendAsync(entry with { RequestId = entry.RequestId + "-again" })));

        foreach (var entry in entries)
            Assert.Equal(1, StoredCount(entry.RequestId + "-again"));
        using var connection = OpenStore();
        var verification = AuditChainVerifier.Verify(connection);
        Assert.True(verification.IsIntact, verification.Problem);
    }

    private IAuditLog Log()
    {
        _ = host.Server; // starts the gateway, and with it the writer
        return host.Services.GetRequiredService<IAuditLog>();
    }

    private static AuditEntry Entry(string requestId) =>
        new(AuditEntry.MicrosOf(DateTimeOffset.UtcNow), requestId, "CIVIL-AFFAIRS", "PUBLIC-SECURITY", GatewayHost.PopulationResource,
            "/exchange.public_security.v1.PopulationService/VerifyIdentity", string.Empty, [], "TEST-2026-000003", "写入测试", "OK", string.Empty, 10);

    private SqliteConnection OpenStore()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = host.AuditDatabasePath, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private long StoredCount(string requestId)
    {
        using var connection = OpenStore();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM audit_records WHERE request_id = @id;";
        command.Parameters.AddWithValue("@id", requestId);
        return (long)command.ExecuteScalar()!;
    }
}

using Exchange.Protos.Catalog.V1;
using Exchange.Testing;
using Microsoft.Data.Sqlite;

namespace Exchange.Catalog.Tests;

/// <summary>A SQLite catalog made by a release before migrations (EnsureCreated, fewer columns) is adopted on start, keeping its data.</summary>
public sealed class CatalogStoreUpgradeTests
{
    [Fact]
    public async Task A_store_made_before_migrations_is_adopted_and_gains_the_newer_columns()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var catalog = await CatalogProcess.StartAsync(new Dictionary<string, string>(), cancellation);
        var before = (await catalog.Client.ListResourcesAsync(new ListResourcesRequest(), cancellationToken: cancellation)).Resources;
        await catalog.Service.StopAsync();

        var store = $"Data Source={Path.Combine(catalog.Service.WorkingDirectory, ".data", "catalog.db")}";
        var migrations = await ScalarAsync(store, "SELECT COUNT(*) FROM \"__EFMigrationsHistory\"");
        await ExecuteAsync(store,
            // What an older release left behind: no migration history, and nothing a later migration adds (licence type
            // columns, the witness table, service items' rules and revision, the objection tables).
            "DROP TABLE \"__EFMigrationsHistory\"",
            "DROP TABLE witnessed_checkpoints",
            "DROP TABLE objection_events",
            "DROP TABLE objections",
            "ALTER TABLE service_items DROP COLUMN \"Revision\"",
            "ALTER TABLE service_items DROP COLUMN \"RuleCodes\"",
            "ALTER TABLE service_items DROP COLUMN \"UpdatedAt\"",
            "ALTER TABLE service_items DROP COLUMN \"UpdatedBy\"",
            "ALTER TABLE resource_entries DROP COLUMN \"LicenceTypeCodes\"",
            "ALTER TABLE resource_versions DROP COLUMN \"LicenceTypeCodes\"");

        await catalog.Service.StartAsync(cancellation);

        var after = (await catalog.Client.ListResourcesAsync(new ListResourcesRequest(), cancellationToken: cancellation)).Resources;
        Assert.Equal(before.Select(r => r.Code), after.Select(r => r.Code));
        // The first migration is recorded as applied (adoption), and every later one runs on top of it.
        Assert.Equal(migrations, await ScalarAsync(store, "SELECT COUNT(*) FROM \"__EFMigrationsHistory\""));
        Assert.Equal(1L, await ScalarAsync(store, "SELECT COUNT(*) FROM pragma_table_info('resource_versions') WHERE name = 'LicenceTypeCodes'"));
    }

    private static async Task ExecuteAsync(string connectionString, params string[] statements)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        foreach (var statement in statements)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = statement;
            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }
        SqliteConnection.ClearPool(connection);
    }

    private static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var value = (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
        SqliteConnection.ClearPool(connection);
        return value;
    }
}

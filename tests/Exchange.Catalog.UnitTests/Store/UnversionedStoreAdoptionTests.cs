using Exchange.Catalog.Store;
using Exchange.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Exchange.Catalog.UnitTests.Store;

/// <summary>
/// A SQLite catalog made by a release before migrations (EnsureCreated, fewer columns, no history) is adopted as the
/// service adopts it on start (<see cref="StoreMigrationExtensions.MigrateStoreAsync"/> with
/// <see cref="UnversionedCatalogUpgrade"/>), keeping its data and gaining every later migration's tables and columns.
/// </summary>
public sealed class UnversionedStoreAdoptionTests
{
    [Fact]
    public async Task A_store_made_before_migrations_is_adopted_and_gains_the_newer_columns()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var store = await CatalogStore.OpenAsync();
        await store.PublishedAsync(CatalogStore.Draft("PS-OLD-RELEASE"));
        var migrations = await ScalarAsync(store.Db, "SELECT COUNT(*) AS \"Value\" FROM \"__EFMigrationsHistory\"");
        // What an older release left behind: no migration history, and nothing a later migration adds (licence type
        // columns, the witness table, service items' rules and revision, the objection tables, redeemed codes).
        foreach (var statement in new[]
                 {
                     "DROP TABLE \"__EFMigrationsHistory\"",
                     "DROP TABLE witnessed_checkpoints",
                     "DROP TABLE objection_events",
                     "DROP TABLE objections",
                     "DROP TABLE redeemed_authorization_codes",
                     "ALTER TABLE service_items DROP COLUMN \"Revision\"",
                     "ALTER TABLE service_items DROP COLUMN \"RuleCodes\"",
                     "ALTER TABLE service_items DROP COLUMN \"UpdatedAt\"",
                     "ALTER TABLE service_items DROP COLUMN \"UpdatedBy\"",
                     "ALTER TABLE resource_entries DROP COLUMN \"LicenceTypeCodes\"",
                     "ALTER TABLE resource_versions DROP COLUMN \"LicenceTypeCodes\"",
                 })
            await store.Db.Database.ExecuteSqlRawAsync(statement, ct);

        await store.Db.MigrateStoreAsync(NullLogger.Instance, ct, UnversionedCatalogUpgrade.ApplyAsync);

        // The first migration is recorded as applied (adoption), and every later one runs on top of it.
        Assert.Equal(migrations, await ScalarAsync(store.Db, "SELECT COUNT(*) AS \"Value\" FROM \"__EFMigrationsHistory\""));
        Assert.Equal(1, await ScalarAsync(store.Db, "SELECT COUNT(*) AS \"Value\" FROM pragma_table_info('resource_versions') WHERE name = 'LicenceTypeCodes'"));
        Assert.Equal(1, await ScalarAsync(store.Db, "SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = 'objections'"));
        store.Db.ChangeTracker.Clear();
        Assert.Contains(await store.Db.ResourceEntries.AsNoTracking().Select(r => r.Code).ToListAsync(ct), code => code == "PS-OLD-RELEASE");
    }

    private static Task<int> ScalarAsync(DbContext db, string sql) =>
        db.Database.SqlQueryRaw<int>(sql).SingleAsync(TestContext.Current.CancellationToken);
}

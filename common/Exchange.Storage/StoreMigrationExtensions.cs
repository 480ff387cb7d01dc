using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging;

namespace Exchange.Storage;

public static class StoreMigrationExtensions
{
    /// <summary>
    /// Brings the store's schema up to date with its provider's migrations, before the service takes calls.
    /// A SQLite store made before migrations existed (by EnsureCreated, so with no history table) is adopted:
    /// <paramref name="upgradeUnversioned"/> brings it to the first migration's schema, which is then recorded as applied.
    /// </summary>
    public static async Task MigrateStoreAsync(
        this DbContext store,
        ILogger logger,
        CancellationToken cancellationToken,
        Func<DbContext, CancellationToken, Task>? upgradeUnversioned = null)
    {
        var database = store.Database;
        var name = store.GetType().Name;
        if (database.IsSqlite() && await IsUnversionedAsync(store, cancellationToken))
        {
            if (upgradeUnversioned is not null)
                await upgradeUnversioned(store, cancellationToken);
            var first = database.GetMigrations().First();
            var history = store.GetService<IHistoryRepository>();
            await database.ExecuteSqlRawAsync(history.GetCreateIfNotExistsScript(), cancellationToken);
            await database.ExecuteSqlRawAsync(history.GetInsertScript(new HistoryRow(first, ProductInfo.GetVersion())), cancellationToken);
            logger.LogInformation("Adopted the {Store} store made before migrations as migration {Migration}", name, first);
        }

        var pending = (await database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count == 0)
            return;
        logger.LogInformation("Applying {Count} migrations to the {Store} store: {Migrations}", pending.Count, name, string.Join(", ", pending));
        await database.MigrateAsync(cancellationToken);
    }

    private static async Task<bool> IsUnversionedAsync(DbContext store, CancellationToken cancellationToken)
    {
        if ((await store.Database.GetAppliedMigrationsAsync(cancellationToken)).Any())
            return false;
        // Any table of the model: one added by a later migration (sorting first by entity name) is absent from an old store.
        var found = 0;
        foreach (var table in store.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Distinct())
        {
            found += await store.Database
                .SqlQuery<int>($"SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = {table}")
                .SingleAsync(cancellationToken);
        }
        return found > 0;
    }
}

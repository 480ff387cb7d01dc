using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Exchange.Storage;

public static class StoreSchema
{
    /// <summary>
    /// Creates the tables and indexes of the first migration that a store lacks, leaving existing ones as they are: the
    /// step that brings a store made before migrations to the first migration's schema. The first migration's, not the
    /// current model's: a table a later migration changes must be left for that migration to change.
    /// </summary>
    public static async Task CreateMissingTablesAsync(DbContext db, CancellationToken cancellationToken)
    {
        var first = db.Database.GetMigrations().First();
        var script = db.GetService<IMigrator>()
            .GenerateScript(Migration.InitialDatabase, first, MigrationsSqlGenerationOptions.NoTransactions)
            .Replace("CREATE TABLE ", "CREATE TABLE IF NOT EXISTS ", StringComparison.Ordinal)
            .Replace("CREATE UNIQUE INDEX ", "CREATE UNIQUE INDEX IF NOT EXISTS ", StringComparison.Ordinal)
            .Replace("CREATE INDEX ", "CREATE INDEX IF NOT EXISTS ", StringComparison.Ordinal);
        foreach (var statement in script.Split(";", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // The caller records the adoption in the history table itself.
            if (statement.Contains(HistoryRepository.DefaultTableName, StringComparison.Ordinal))
                continue;
            await db.Database.ExecuteSqlRawAsync(statement, cancellationToken);
        }
    }
}

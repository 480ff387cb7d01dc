using Microsoft.EntityFrameworkCore;

namespace Exchange.Storage;

public static class StoreSchema
{
    /// <summary>
    /// Creates the tables and indexes of the model that a store lacks, leaving existing ones as they are: the step that
    /// brings a store made before migrations (or before some tables existed) to the first migration's schema.
    /// </summary>
    public static async Task CreateMissingTablesAsync(DbContext db, CancellationToken cancellationToken)
    {
        var script = db.Database.GenerateCreateScript()
            .Replace("CREATE TABLE ", "CREATE TABLE IF NOT EXISTS ", StringComparison.Ordinal)
            .Replace("CREATE UNIQUE INDEX ", "CREATE UNIQUE INDEX IF NOT EXISTS ", StringComparison.Ordinal)
            .Replace("CREATE INDEX ", "CREATE INDEX IF NOT EXISTS ", StringComparison.Ordinal);
        foreach (var statement in script.Split(";", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            await db.Database.ExecuteSqlRawAsync(statement, cancellationToken);
    }
}

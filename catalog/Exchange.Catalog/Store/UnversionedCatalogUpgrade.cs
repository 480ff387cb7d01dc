using Exchange.Storage;
using Microsoft.EntityFrameworkCore;

namespace Exchange.Catalog.Store;

/// <summary>
/// Brings a SQLite catalog made by a release before migrations (EnsureCreated) to the schema of the first migration:
/// the tables and columns added to the model before migrations shipped.
/// </summary>
internal static class UnversionedCatalogUpgrade
{
    /// <summary>Columns added to existing tables before migrations shipped, with what older rows get.</summary>
    private static readonly (string Table, string Column, string Definition)[] AddedColumns =
    [
        ("resource_entries", nameof(ResourceDefinition.LicenceTypeCodes), "TEXT NOT NULL DEFAULT '[]'"),
        ("resource_versions", nameof(ResourceDefinition.LicenceTypeCodes), "TEXT NOT NULL DEFAULT '[]'"),
    ];

    public static async Task ApplyAsync(DbContext db, CancellationToken cancellationToken)
    {
        await StoreSchema.CreateMissingTablesAsync(db, cancellationToken);
        await AddMissingColumnsAsync(db, cancellationToken);
    }

    private static async Task AddMissingColumnsAsync(DbContext db, CancellationToken cancellationToken)
    {
        foreach (var (table, column, definition) in AddedColumns)
        {
            var present = await db.Database
                .SqlQuery<int>($"SELECT COUNT(*) AS \"Value\" FROM pragma_table_info({table}) WHERE name = {column}")
                .SingleAsync(cancellationToken);
            // Names and definitions are the constants above; DDL takes no parameters.
            var addColumn = "ALTER TABLE \"" + table + "\" ADD COLUMN \"" + column + "\" " + definition;
            if (present == 0)
                await db.Database.ExecuteSqlRawAsync(addColumn, cancellationToken);
        }
    }
}

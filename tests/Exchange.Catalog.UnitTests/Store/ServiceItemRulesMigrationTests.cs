using Exchange.Catalog.Store;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Exchange.Catalog.UnitTests.Store;

/// <summary>A store from before items listed their rules keeps every check it had: upgrading writes the rules in.</summary>
public sealed class ServiceItemRulesMigrationTests
{
    [Fact]
    public async Task Seeded_items_of_an_older_store_get_the_rules_the_gateway_applied_to_them_by_code()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync(ct);
        await using var db = new SqliteCatalogDbContext(new DbContextOptionsBuilder<SqliteCatalogDbContext>().UseSqlite(connection).UseOpenIddict().Options);
        var migrator = db.GetService<IMigrator>();
        var migrations = db.Database.GetMigrations().ToList();
        await migrator.MigrateAsync(migrations[migrations.FindIndex(m => m.EndsWith("_ServiceItemRules", StringComparison.Ordinal)) - 1], ct);
        foreach (var code in new[] { "CA-MARRIAGE-REGISTRATION", "PS-HOUSEHOLD-MOVE-SPOUSE" })
            await db.Database.ExecuteSqlAsync($"INSERT INTO service_items (\"Code\", \"Name\", \"DepartmentCode\", \"Roles\", \"Materials\") VALUES ({code}, '事项', 'CIVIL-AFFAIRS', '[]', '[]')", ct);

        await migrator.MigrateAsync(cancellationToken: ct);

        var items = await db.ServiceItems.AsNoTracking().ToDictionaryAsync(i => i.Code, ct);
        Assert.Equal(["MARRIAGE-PARTIES", "MARRIAGE-AGE", "MARRIAGE-NOT-MARRIED"], items["CA-MARRIAGE-REGISTRATION"].RuleCodes);
        Assert.Empty(items["PS-HOUSEHOLD-MOVE-SPOUSE"].RuleCodes);
    }
}

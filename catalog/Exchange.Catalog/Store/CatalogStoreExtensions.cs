using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Exchange.Catalog.Store;

public static class CatalogStoreExtensions
{
    /// <summary>Registers the catalog's EF Core store on the SQLite database named by ConnectionStrings:Catalog.</summary>
    public static WebApplicationBuilder AddCatalogStore(this WebApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString("Catalog");
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new InvalidOperationException("ConnectionStrings:Catalog is not set; it names the catalog's SQLite database.");

        CreateDataDirectory(connectionString);
        builder.Services.AddDbContext<CatalogDbContext>(options => options.UseSqlite(connectionString).UseOpenIddict());
        builder.Services.AddHealthChecks().AddCheck<CatalogStoreHealthCheck>("catalog-store");
        return builder;
    }

    /// <summary>
    /// Creates the schema of a new store before the service takes calls, and the tables a newer version added
    /// to an older store (new tables only, never new columns). Migrations replace this once a schema ships.
    /// </summary>
    public static async Task InitializeCatalogStoreAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogDbContext>();
        if (!await db.Database.EnsureCreatedAsync(app.Lifetime.ApplicationStopping))
            await CreateMissingTablesAsync(db, app.Lifetime.ApplicationStopping);
        // WAL lets readers (lists, the watch snapshot) run while a publish writes.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", app.Lifetime.ApplicationStopping);
    }

    private static async Task CreateMissingTablesAsync(CatalogDbContext db, CancellationToken cancellationToken)
    {
        var script = db.Database.GenerateCreateScript()
            .Replace("CREATE TABLE ", "CREATE TABLE IF NOT EXISTS ", StringComparison.Ordinal)
            .Replace("CREATE UNIQUE INDEX ", "CREATE UNIQUE INDEX IF NOT EXISTS ", StringComparison.Ordinal)
            .Replace("CREATE INDEX ", "CREATE INDEX IF NOT EXISTS ", StringComparison.Ordinal);
        foreach (var statement in script.Split(";", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            await db.Database.ExecuteSqlRawAsync(statement, cancellationToken);
    }

    private static void CreateDataDirectory(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:" || dataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
            return;
        var directory = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(directory))
            Directory.CreateDirectory(directory);
    }
}

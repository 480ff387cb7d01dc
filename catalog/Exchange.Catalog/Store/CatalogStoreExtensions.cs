using Exchange.Storage;
using Microsoft.EntityFrameworkCore;

namespace Exchange.Catalog.Store;

public static class CatalogStoreExtensions
{
    /// <summary>
    /// Registers the catalog's EF Core store on ConnectionStrings:Catalog: a SQLite file, or PostgreSQL when the
    /// connection string names a server.
    /// </summary>
    public static WebApplicationBuilder AddCatalogStore(this WebApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString("Catalog");
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new InvalidOperationException("ConnectionStrings:Catalog is not set; it names the catalog's store (Data Source=catalog.db, or Host=...;Database=... for PostgreSQL).");

        builder.Services.AddStore<CatalogDbContext, SqliteCatalogDbContext, PostgreSqlCatalogDbContext>(
            StoreConnection.Parse(connectionString, "Catalog"),
            (_, options) => options.UseOpenIddict());
        builder.Services.AddHealthChecks().AddCheck<StoreHealthCheck<CatalogDbContext>>("catalog-store");
        return builder;
    }

    /// <summary>Migrates the store before the service takes calls.</summary>
    public static async Task InitializeCatalogStoreAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogDbContext>();
        var logger = app.Services.GetRequiredService<ILogger<CatalogDbContext>>();
        await db.MigrateStoreAsync(logger, app.Lifetime.ApplicationStopping, UnversionedCatalogUpgrade.ApplyAsync);
        if (db.Database.IsSqlite())
        {
            // WAL lets readers (lists, the watch snapshot) run while a publish writes.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", app.Lifetime.ApplicationStopping);
        }
    }
}

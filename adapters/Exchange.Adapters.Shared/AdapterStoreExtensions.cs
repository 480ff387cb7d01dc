using Exchange.Storage;
using Exchange.SyntheticData;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Exchange.ServiceDefaults.Options;

namespace Exchange.Adapters.Shared;

public static class AdapterStoreExtensions
{
    /// <summary>
    /// Registers the adapter's EF Core store from <c>ConnectionStrings:&lt;name&gt;</c>: a SQLite file by default
    /// (<c>Data Source=.data/&lt;name in lower case&gt;.db</c> under the working directory), PostgreSQL when the
    /// connection string names a server.
    /// </summary>
    public static WebApplicationBuilder AddAdapterStore<TStore, TSqlite, TPostgreSql>(this WebApplicationBuilder builder, string name)
        where TStore : DbContext
        where TSqlite : TStore
        where TPostgreSql : TStore
    {
        var connectionString = builder.Configuration.GetConnectionString(name)
                               ?? $"Data Source=.data/{name.ToLowerInvariant()}.db";
        builder.Services.AddStore<TStore, TSqlite, TPostgreSql>(StoreConnection.Parse(connectionString, name), pooled: true);
        builder.Services.AddValidatedOptions<AdapterStoreOptions, AdapterStoreOptionsValidator>(AdapterStoreOptions.Section);
        return builder;
    }

    /// <summary>
    /// Migrates the store's schema and, unless <c>AdapterStore:SeedOnStart</c> is false, fills an empty store
    /// from the shared synthetic population. Call before <c>Run</c>, so nothing is served from a half-filled store.
    /// </summary>
    public static async Task SeedAdapterStoreAsync<TContext>(this WebApplication app, IAdapterStoreSeed<TContext> seed)
        where TContext : DbContext
    {
        var options = app.Services.GetRequiredService<IOptions<AdapterStoreOptions>>().Value;
        await using var scope = app.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<TContext>();
        var logger = app.Services.GetRequiredService<ILogger<AdapterStoreSeeder<TContext>>>();
        if (!options.SeedOnStart)
        {
            await store.MigrateStoreAsync(logger, app.Lifetime.ApplicationStopping);
            return;
        }

        await new AdapterStoreSeeder<TContext>(store, options, logger)
            .SeedAsync(seed, SyntheticPopulationOptions.Default, app.Lifetime.ApplicationStopping);
    }
}

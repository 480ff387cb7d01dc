using Exchange.SyntheticData;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Exchange.Adapters.Shared;

public static class AdapterStoreExtensions
{
    /// <summary>
    /// Registers the adapter's EF Core SQLite store from <c>ConnectionStrings:&lt;name&gt;</c>, by default
    /// <c>Data Source=.data/&lt;name in lower case&gt;.db</c> under the working directory, whose folder it creates.
    /// </summary>
    public static WebApplicationBuilder AddAdapterStore<TContext>(this WebApplicationBuilder builder, string name)
        where TContext : DbContext
    {
        var connectionString = builder.Configuration.GetConnectionString(name)
                               ?? $"Data Source=.data/{name.ToLowerInvariant()}.db";
        CreateDatabaseFolder(connectionString);

        builder.Services.AddDbContextPool<TContext>(options => options.UseSqlite(connectionString));
        builder.Services.AddOptions<AdapterStoreOptions>()
            .Bind(builder.Configuration.GetSection(AdapterStoreOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        return builder;
    }

    /// <summary>
    /// Creates the store's schema and, unless <c>AdapterStore:SeedOnStart</c> is false, fills an empty store
    /// from the shared synthetic population. Call before <c>Run</c>, so nothing is served from a half-filled store.
    /// </summary>
    public static async Task SeedAdapterStoreAsync<TContext>(this WebApplication app, IAdapterStoreSeed<TContext> seed)
        where TContext : DbContext
    {
        var options = app.Services.GetRequiredService<IOptions<AdapterStoreOptions>>().Value;
        await using var scope = app.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<TContext>();
        if (!options.SeedOnStart)
        {
            await store.Database.EnsureCreatedAsync(app.Lifetime.ApplicationStopping);
            return;
        }

        var logger = app.Services.GetRequiredService<ILogger<AdapterStoreSeeder<TContext>>>();
        await new AdapterStoreSeeder<TContext>(store, options, logger)
            .SeedAsync(seed, SyntheticPopulationOptions.Default, app.Lifetime.ApplicationStopping);
    }

    internal static void CreateDatabaseFolder(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.Mode == SqliteOpenMode.Memory || string.IsNullOrEmpty(builder.DataSource) || builder.DataSource == ":memory:")
            return;
        var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(folder))
            Directory.CreateDirectory(folder);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Exchange.Storage;

public static class StoreRegistrationExtensions
{
    /// <summary>
    /// Registers <typeparamref name="TStore"/> on the provider <paramref name="connection"/> names, as the context type
    /// that carries that provider's migrations (<typeparamref name="TSqlite"/> or <typeparamref name="TPostgreSql"/>).
    /// </summary>
    public static IServiceCollection AddStore<TStore, TSqlite, TPostgreSql>(
        this IServiceCollection services,
        StoreConnection connection,
        Action<StoreProvider, DbContextOptionsBuilder>? configure = null,
        bool pooled = false)
        where TStore : DbContext
        where TSqlite : TStore
        where TPostgreSql : TStore
    {
        connection.CreateSqliteFolder();
        services.AddSingleton(new StoreConnectionOf<TStore>(connection));
        void Configure(DbContextOptionsBuilder options)
        {
            if (connection.Provider == StoreProvider.PostgreSql)
                options.UseNpgsql(connection.ConnectionString);
            else
                options.UseSqlite(connection.ConnectionString);
            configure?.Invoke(connection.Provider, options);
        }

        return (connection.Provider, pooled) switch
        {
            (StoreProvider.PostgreSql, true) => services.AddDbContextPool<TStore, TPostgreSql>(Configure),
            (StoreProvider.PostgreSql, false) => services.AddDbContext<TStore, TPostgreSql>(Configure),
            (_, true) => services.AddDbContextPool<TStore, TSqlite>(Configure),
            _ => services.AddDbContext<TStore, TSqlite>(Configure),
        };
    }
}

/// <summary>The connection a store was registered with, for health checks and start-up logs.</summary>
public sealed record StoreConnectionOf<TStore>(StoreConnection Connection) where TStore : DbContext;

using Exchange.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Exchange.Adapters.Tests;

/// <summary>A fresh, empty database on either provider, opened as the provider's context type (the one with its migrations).</summary>
public sealed class StoreUnderTest<TStore, TSqlite, TPostgreSql>(StoreProvider provider, string connectionString)
    where TStore : DbContext
    where TSqlite : TStore
    where TPostgreSql : TStore
{
    public StoreProvider Provider => provider;

    public static async Task<StoreUnderTest<TStore, TSqlite, TPostgreSql>> CreateAsync(StoreProvider provider, PostgresFixture postgres, string folder) =>
        new(provider, provider == StoreProvider.PostgreSql
            ? await postgres.Server.CreateDatabaseAsync(typeof(TStore).Name)
            : $"Data Source={Path.Combine(folder, $"{typeof(TStore).Name.ToLowerInvariant()}-{Guid.NewGuid():N}.db")}");

    public TStore Open()
    {
        if (provider == StoreProvider.PostgreSql)
            return (TStore)Activator.CreateInstance(typeof(TPostgreSql), new DbContextOptionsBuilder<TPostgreSql>().UseNpgsql(connectionString).Options)!;
        return (TStore)Activator.CreateInstance(typeof(TSqlite), new DbContextOptionsBuilder<TSqlite>().UseSqlite(connectionString).Options)!;
    }

    public static void ReleaseFiles() => SqliteConnection.ClearAllPools();
}

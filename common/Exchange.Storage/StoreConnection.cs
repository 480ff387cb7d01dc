using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Exchange.Storage;

/// <summary>
/// A store's connection string and the provider it names: PostgreSQL when it names a server (<c>Host=</c>),
/// SQLite when it names a file (<c>Data Source=</c>).
/// </summary>
public sealed record StoreConnection(StoreProvider Provider, string ConnectionString)
{
    private static readonly string[] ServerKeys = ["host", "server"];
    private static readonly string[] FileKeys = ["data source", "datasource", "filename"];

    /// <exception cref="ArgumentException">The connection string names neither a server nor a file.</exception>
    public static StoreConnection Parse(string connectionString, string name)
    {
        var keys = new DbConnectionStringBuilder();
        try
        {
            keys.ConnectionString = connectionString;
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException($"ConnectionStrings:{name} is not a connection string: {ex.Message}", nameof(connectionString), ex);
        }

        if (ServerKeys.Any(keys.ContainsKey))
            return new StoreConnection(StoreProvider.PostgreSql, connectionString);
        if (FileKeys.Any(keys.ContainsKey))
            return new StoreConnection(StoreProvider.Sqlite, connectionString);
        throw new ArgumentException(
            $"ConnectionStrings:{name} names neither a PostgreSQL server (Host=...;Database=...) nor a SQLite file (Data Source=path.db).",
            nameof(connectionString));
    }

    /// <summary>Creates the folder of a SQLite file, so a fresh machine needs no set-up.</summary>
    public void CreateSqliteFolder()
    {
        if (Provider != StoreProvider.Sqlite)
            return;
        var builder = new SqliteConnectionStringBuilder(ConnectionString);
        if (builder.Mode == SqliteOpenMode.Memory || string.IsNullOrEmpty(builder.DataSource) || builder.DataSource == ":memory:"
            || builder.DataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
            return;
        var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(folder))
            Directory.CreateDirectory(folder);
    }

    /// <summary>The connection string without its password, for logs.</summary>
    public override string ToString()
    {
        var keys = new DbConnectionStringBuilder { ConnectionString = ConnectionString };
        keys.Remove("password");
        return $"{Provider} {keys.ConnectionString}";
    }
}

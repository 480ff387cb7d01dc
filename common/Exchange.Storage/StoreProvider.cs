namespace Exchange.Storage;

public enum StoreProvider
{
    /// <summary>A SQLite file: the embedded default, no server needed.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server, for more than one machine.</summary>
    PostgreSql,
}

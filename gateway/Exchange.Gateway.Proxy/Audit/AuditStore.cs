using System.Data;
using System.Data.Common;
using System.Text;
using Exchange.Storage;
using Exchange.Transparency;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Exchange.Gateway.Audit;

/// <summary>
/// The audit records, in SQLite (WAL with synchronous FULL, so a committed record survives a crash or power loss) or
/// PostgreSQL (commits are durable by default), with plain ADO.NET over the schema of <see cref="Store.AuditDbContext"/>.
/// One table keyed by sequence number, indexed for the searches of the audit API. On PostgreSQL several gateway
/// instances share one chain: each batch takes the chain's lock and resumes from the head it finds.
/// </summary>
public sealed class AuditStore : IDisposable
{
    private const string Columns =
        "sequence, time_micros, request_id, consumer, provider, resource, method, holder_id, data_items, case_number, purpose, status, status_message, latency_micros, previous_hash, hash, leaf_hash";

    // Transaction-scoped advisory lock that serialises the writers of one chain across gateway instances.
    private const long ChainLockKey = 0x45_58_43_48_41_55_44; // "EXCHAUD"

    private static readonly DbType[] ColumnTypes =
    [
        DbType.Int64, DbType.Int64, DbType.String, DbType.String, DbType.String, DbType.String, DbType.String, DbType.String,
        DbType.String, DbType.String, DbType.String, DbType.String, DbType.String, DbType.Int64, DbType.String, DbType.String,
        DbType.String,
    ];

    private readonly string? _sqlite;
    private readonly NpgsqlDataSource? _postgres;

    public AuditStore(StoreConnection connection)
    {
        Provider = connection.Provider;
        if (Provider == StoreProvider.PostgreSql)
        {
            _postgres = NpgsqlDataSource.Create(connection.ConnectionString);
            Location = connection.ToString();
        }
        else
        {
            var path = Path.GetFullPath(new SqliteConnectionStringBuilder(connection.ConnectionString).DataSource);
            _sqlite = new SqliteConnectionStringBuilder(connection.ConnectionString) { DataSource = path, Pooling = false }.ToString();
            Location = path;
        }
    }

    public StoreProvider Provider { get; }

    /// <summary>Where the records are, for logs and messages: the SQLite file's path, or the PostgreSQL server and database.</summary>
    public string Location { get; }

    /// <summary>False only for a SQLite file not created yet (nothing audited); a PostgreSQL store is created by the gateway's start-up.</summary>
    public bool Exists => Provider == StoreProvider.PostgreSql || File.Exists(Location);

    /// <summary>Opens a connection to an existing store (never creates a SQLite file: the writer's migration does).</summary>
    public DbConnection Open()
    {
        if (_postgres is not null)
            return _postgres.OpenConnection();
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder(_sqlite) { Mode = SqliteOpenMode.ReadWrite }.ToString());
        connection.Open();
        Execute(connection, null, "PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000;");
        return connection;
    }

    /// <summary>Opens the writer's connection; on SQLite also switches the file to WAL, so readers never wait for it.</summary>
    public DbConnection OpenForWriting()
    {
        var connection = Open();
        if (Provider == StoreProvider.Sqlite)
            Execute(connection, null, "PRAGMA journal_mode=WAL;");
        return connection;
    }

    /// <summary>A write transaction holding the chain's lock: SQLite BEGIN IMMEDIATE, or a PostgreSQL advisory lock.</summary>
    public DbTransaction BeginWrite(DbConnection connection)
    {
        if (connection is SqliteConnection sqlite)
            return sqlite.BeginTransaction(deferred: false);
        var transaction = connection.BeginTransaction(IsolationLevel.ReadCommitted);
        Execute(connection, transaction, $"SELECT pg_advisory_xact_lock({ChainLockKey});");
        return transaction;
    }

    /// <summary>A read transaction that sees one consistent state of the records, taking no write lock.</summary>
    public static DbTransaction BeginRead(DbConnection connection) =>
        connection is SqliteConnection sqlite ? sqlite.BeginTransaction(deferred: true) : connection.BeginTransaction(IsolationLevel.RepeatableRead);

    private const string HeadQuery = "SELECT sequence, hash FROM audit_records ORDER BY sequence DESC LIMIT 1;";

    /// <summary>A prepared query for the chain's head, for <see cref="ReadHead(DbCommand)"/>.</summary>
    public static DbCommand PrepareReadHead(DbConnection connection)
    {
        var command = connection.CreateCommand();
        command.CommandText = HeadQuery;
        command.Prepare();
        return command;
    }

    /// <summary>The last record's sequence and hash, where the chain resumes; (0, genesis) for an empty store.</summary>
    public static (long Sequence, string Hash) ReadHead(DbCommand head)
    {
        using var reader = head.ExecuteReader();
        return reader.Read() ? (reader.GetInt64(0), reader.GetString(1)) : (0, AuditChain.GenesisHash);
    }

    /// <summary>A prepared insert, reusable across transactions; set its transaction, then values with <see cref="Insert"/>.</summary>
    public static DbCommand PrepareInsert(DbConnection connection)
    {
        var command = connection.CreateCommand();
        command.CommandText = $"INSERT INTO audit_records ({Columns}) VALUES ({string.Join(", ", ColumnTypes.Select((_, i) => $"@p{i}"))});";
        for (var i = 0; i < ColumnTypes.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"@p{i}";
            parameter.DbType = ColumnTypes[i];
            command.Parameters.Add(parameter);
        }
        command.Prepare();
        return command;
    }

    public static void Insert(DbCommand insert, ChainedAuditRecord record)
    {
        var p = insert.Parameters;
        var e = record.Entry;
        p[0].Value = record.Sequence;
        p[1].Value = e.TimeMicros;
        p[2].Value = e.RequestId;
        p[3].Value = e.Consumer;
        p[4].Value = e.Provider;
        p[5].Value = e.Resource;
        p[6].Value = e.Method;
        p[7].Value = e.HolderId;
        p[8].Value = JoinItems(e.DataItems);
        p[9].Value = e.CaseNumber;
        p[10].Value = e.Purpose;
        p[11].Value = e.Status;
        p[12].Value = e.StatusMessage;
        p[13].Value = e.LatencyMicros;
        p[14].Value = record.PreviousHash;
        p[15].Value = record.Hash;
        p[16].Value = record.LeafHash;
        insert.ExecuteNonQuery();
    }

    /// <summary>Every record in sequence order, streamed, for verification.</summary>
    public static IEnumerable<ChainedAuditRecord> ReadAll(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM audit_records ORDER BY sequence;";
        using var reader = command.ExecuteReader();
        while (reader.Read())
            yield return Read(reader);
    }

    /// <summary>The stored leaf hashes of the records after <paramref name="afterSequence"/>, in order, streamed.</summary>
    public static IEnumerable<(long Sequence, string LeafHash)> ReadLeafHashes(DbConnection connection, long afterSequence)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT sequence, leaf_hash FROM audit_records WHERE sequence > @after ORDER BY sequence;";
        command.AddParameter("@after", afterSequence);
        using var reader = command.ExecuteReader();
        while (reader.Read())
            yield return (reader.GetInt64(0), reader.GetString(1));
    }

    /// <summary>Keeps a checkpoint this gateway signed; a second instance signing the same size of a shared log adds nothing.</summary>
    public void SaveCheckpoint(SignedCheckpoint signed)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO audit_checkpoints (log_id, tree_size, root_hash, time_millis, key_id, signature) " +
            "VALUES (@log, @size, @root, @time, @key, @signature) ON CONFLICT DO NOTHING;";
        command.AddParameter("@log", signed.Checkpoint.LogId);
        command.AddParameter("@size", signed.Checkpoint.TreeSize);
        command.AddParameter("@root", signed.Checkpoint.RootHex);
        command.AddParameter("@time", signed.Checkpoint.TimeMillis);
        command.AddParameter("@key", signed.KeyId);
        command.AddParameter("@signature", Convert.ToBase64String(signed.Signature));
        command.ExecuteNonQuery();
    }

    /// <summary>One record by sequence number, or null.</summary>
    public static ChainedAuditRecord? ReadOne(DbConnection connection, long sequence)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM audit_records WHERE sequence = @sequence;";
        command.AddParameter("@sequence", sequence);
        using var reader = command.ExecuteReader();
        return reader.Read() ? Read(reader) : null;
    }

    /// <summary>
    /// Gives records stored before leaf hashes existed their leaf hash, in batches, so the Merkle tree covers the whole
    /// log. Returns how many were filled in.
    /// </summary>
    public long BackfillLeafHashes()
    {
        if (!Exists)
            return 0;
        using var connection = Open();
        var chain = new AuditChain();
        long filled = 0;
        while (true)
        {
            var missing = new List<ChainedAuditRecord>();
            using (var select = connection.CreateCommand())
            {
                select.CommandText = $"SELECT {Columns} FROM audit_records WHERE leaf_hash = '' ORDER BY sequence LIMIT 1000;";
                using var reader = select.ExecuteReader();
                while (reader.Read())
                    missing.Add(Read(reader));
            }
            if (missing.Count == 0)
                return filled;
            using var transaction = connection.BeginTransaction();
            using var update = connection.CreateCommand();
            update.Transaction = transaction;
            update.CommandText = "UPDATE audit_records SET leaf_hash = @leaf WHERE sequence = @sequence AND leaf_hash = '';";
            var leaf = update.AddParameter("@leaf", "");
            var sequence = update.AddParameter("@sequence", 0L);
            foreach (var record in missing)
            {
                leaf.Value = chain.LeafHash(record.Sequence, record.Entry);
                sequence.Value = record.Sequence;
                update.ExecuteNonQuery();
            }
            transaction.Commit();
            filled += missing.Count;
        }
    }

    /// <summary>Records matching the query, newest first.</summary>
    public List<ChainedAuditRecord> Query(AuditQuery query)
    {
        var records = new List<ChainedAuditRecord>();
        if (!Exists)
            return records;
        using var connection = Open();
        using var command = connection.CreateCommand();
        var sql = new StringBuilder($"SELECT {Columns} FROM audit_records WHERE 1 = 1");
        Filter(command, sql, "consumer", query.Consumer);
        Filter(command, sql, "provider", query.Provider);
        Filter(command, sql, "resource", query.Resource);
        Filter(command, sql, "holder_id", query.HolderId);
        if (query.FromMicros is { } from)
        {
            sql.Append(" AND time_micros >= @from");
            command.AddParameter("@from", from);
        }
        if (query.UntilMicros is { } until)
        {
            sql.Append(" AND time_micros < @until");
            command.AddParameter("@until", until);
        }
        if (query.BeforeSequence > 0)
        {
            sql.Append(" AND sequence < @before");
            command.AddParameter("@before", query.BeforeSequence);
        }
        if (query.VisibleTo is { } department)
        {
            sql.Append(" AND (consumer = @me OR provider = @me)");
            command.AddParameter("@me", department);
        }
        sql.Append(" ORDER BY sequence DESC LIMIT @limit;");
        command.AddParameter("@limit", query.Limit);
        command.CommandText = sql.ToString();
        using var reader = command.ExecuteReader();
        while (reader.Read())
            records.Add(Read(reader));
        return records;
    }

    private static void Filter(DbCommand command, StringBuilder sql, string column, string value)
    {
        if (string.IsNullOrEmpty(value))
            return;
        sql.Append($" AND {column} = @{column}");
        command.AddParameter($"@{column}", value);
    }

    private static ChainedAuditRecord Read(DbDataReader reader)
    {
        var entry = new AuditEntry(
            TimeMicros: reader.GetInt64(1),
            RequestId: reader.GetString(2),
            Consumer: reader.GetString(3),
            Provider: reader.GetString(4),
            Resource: reader.GetString(5),
            Method: reader.GetString(6),
            HolderId: reader.GetString(7),
            DataItems: SplitItems(reader.GetString(8)),
            CaseNumber: reader.GetString(9),
            Purpose: reader.GetString(10),
            Status: reader.GetString(11),
            StatusMessage: reader.GetString(12),
            LatencyMicros: reader.GetInt64(13));
        return new ChainedAuditRecord(reader.GetInt64(0), entry, reader.GetString(14), reader.GetString(15), reader.GetString(16));
    }

    private static string JoinItems(IReadOnlyList<string> items) => items.Count == 0 ? string.Empty : string.Join(',', items);

    /// <summary>Data item names as the store and providers write them: comma-separated, no blanks.</summary>
    public static string[] SplitItems(string items) =>
        items.Length == 0 ? [] : items.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static void Execute(DbConnection connection, DbTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose() => _postgres?.Dispose();
}

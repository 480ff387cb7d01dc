using System.Text;
using Microsoft.Data.Sqlite;

namespace Exchange.Gateway.Audit;

/// <summary>
/// The audit records in SQLite: WAL with synchronous FULL, so a committed record survives a crash or power loss.
/// One table keyed by sequence number, indexed for the searches of the audit API.
/// </summary>
public sealed class AuditStore(string connectionString)
{
    private const string Columns =
        "sequence, time_micros, request_id, consumer, provider, resource, method, holder_id, data_items, case_number, purpose, status, status_message, latency_micros, previous_hash, hash";

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS audit_records (
            sequence INTEGER PRIMARY KEY,
            time_micros INTEGER NOT NULL,
            request_id TEXT NOT NULL,
            consumer TEXT NOT NULL,
            provider TEXT NOT NULL,
            resource TEXT NOT NULL,
            method TEXT NOT NULL,
            holder_id TEXT NOT NULL,
            data_items TEXT NOT NULL,
            case_number TEXT NOT NULL,
            purpose TEXT NOT NULL,
            status TEXT NOT NULL,
            status_message TEXT NOT NULL,
            latency_micros INTEGER NOT NULL,
            previous_hash TEXT NOT NULL,
            hash TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS ix_audit_consumer ON audit_records (consumer, sequence);
        CREATE INDEX IF NOT EXISTS ix_audit_provider ON audit_records (provider, sequence);
        CREATE INDEX IF NOT EXISTS ix_audit_resource ON audit_records (resource, sequence);
        CREATE INDEX IF NOT EXISTS ix_audit_holder ON audit_records (holder_id, sequence);
        CREATE INDEX IF NOT EXISTS ix_audit_time ON audit_records (time_micros);
        """;

    public string DataSource { get; } = Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource);

    public bool Exists => File.Exists(DataSource);

    /// <summary>Opens a connection, creating the database and its schema when missing.</summary>
    public SqliteConnection OpenForWriting()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DataSource)!);
        var connection = Open(SqliteOpenMode.ReadWriteCreate);
        Execute(connection, "PRAGMA journal_mode=WAL;");
        Execute(connection, Schema);
        Execute(connection, Licences.LicenceUsageTables.Schema);
        return connection;
    }

    /// <summary>Opens a connection for reading an existing store (read-write mode, which WAL needs for its shared-memory file; never creates one).</summary>
    public SqliteConnection OpenForReading() => Open(SqliteOpenMode.ReadWrite);

    private SqliteConnection Open(SqliteOpenMode mode)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString) { DataSource = DataSource, Mode = mode, Pooling = false };
        var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        Execute(connection, "PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000;");
        return connection;
    }

    /// <summary>The last record's sequence and hash, where the chain resumes; (0, genesis) for an empty store.</summary>
    public static (long Sequence, string Hash) ReadHead(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT sequence, hash FROM audit_records ORDER BY sequence DESC LIMIT 1;";
        using var reader = command.ExecuteReader();
        return reader.Read() ? (reader.GetInt64(0), reader.GetString(1)) : (0, AuditChain.GenesisHash);
    }

    /// <summary>A prepared insert, reusable across transactions; set its transaction, then values with <see cref="Insert"/>.</summary>
    public static SqliteCommand PrepareInsert(SqliteConnection connection)
    {
        var command = connection.CreateCommand();
        command.CommandText = $"INSERT INTO audit_records ({Columns}) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11, @p12, @p13, @p14, @p15);";
        for (var i = 0; i < 16; i++)
            command.Parameters.Add(new SqliteParameter($"@p{i}", null));
        command.Prepare();
        return command;
    }

    public static void Insert(SqliteCommand insert, ChainedAuditRecord record)
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
        insert.ExecuteNonQuery();
    }

    /// <summary>Every record in sequence order, streamed, for verification.</summary>
    public static IEnumerable<ChainedAuditRecord> ReadAll(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM audit_records ORDER BY sequence;";
        using var reader = command.ExecuteReader();
        while (reader.Read())
            yield return Read(reader);
    }

    /// <summary>Records matching the query, newest first.</summary>
    public List<ChainedAuditRecord> Query(AuditQuery query)
    {
        using var connection = Exists ? OpenForReading() : null;
        var records = new List<ChainedAuditRecord>();
        if (connection is null)
            return records;
        using var command = connection.CreateCommand();
        var sql = new StringBuilder($"SELECT {Columns} FROM audit_records WHERE 1 = 1");
        Filter(command, sql, "consumer", query.Consumer);
        Filter(command, sql, "provider", query.Provider);
        Filter(command, sql, "resource", query.Resource);
        Filter(command, sql, "holder_id", query.HolderId);
        if (query.FromMicros is { } from)
        {
            sql.Append(" AND time_micros >= @from");
            command.Parameters.AddWithValue("@from", from);
        }
        if (query.UntilMicros is { } until)
        {
            sql.Append(" AND time_micros < @until");
            command.Parameters.AddWithValue("@until", until);
        }
        if (query.BeforeSequence > 0)
        {
            sql.Append(" AND sequence < @before");
            command.Parameters.AddWithValue("@before", query.BeforeSequence);
        }
        if (query.VisibleTo is { } department)
        {
            sql.Append(" AND (consumer = @me OR provider = @me)");
            command.Parameters.AddWithValue("@me", department);
        }
        sql.Append(" ORDER BY sequence DESC LIMIT @limit;");
        command.Parameters.AddWithValue("@limit", query.Limit);
        command.CommandText = sql.ToString();
        using var reader = command.ExecuteReader();
        while (reader.Read())
            records.Add(Read(reader));
        return records;
    }

    private static void Filter(SqliteCommand command, StringBuilder sql, string column, string value)
    {
        if (string.IsNullOrEmpty(value))
            return;
        sql.Append($" AND {column} = @{column}");
        command.Parameters.AddWithValue($"@{column}", value);
    }

    private static ChainedAuditRecord Read(SqliteDataReader reader)
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
        return new ChainedAuditRecord(reader.GetInt64(0), entry, reader.GetString(14), reader.GetString(15));
    }

    private static string JoinItems(IReadOnlyList<string> items) => items.Count == 0 ? string.Empty : string.Join(',', items);

    /// <summary>Data item names as the store and providers write them: comma-separated, no blanks.</summary>
    public static string[] SplitItems(string items) =>
        items.Length == 0 ? [] : items.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

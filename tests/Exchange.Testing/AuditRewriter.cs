using System.Security.Cryptography;
using Exchange.Protos.Audit.V1;
using Exchange.Transparency;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Data.Sqlite;

namespace Exchange.Testing;

/// <summary>
/// An insider with write access to a gateway's SQLite audit store, who knows the record encoding: edits a record and
/// recomputes every stored hash after it (chain hash and leaf hash), so the store is internally consistent again.
/// </summary>
public sealed class AuditRewriter(string databasePath)
{
    private string ConnectionString => $"Data Source={databasePath};Pooling=False";

    /// <summary>Sets the consumer of record <paramref name="sequence"/> and rehashes the chain from there.</summary>
    public void EditAndRehash(long sequence, string consumer)
    {
        using var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        using var transaction = connection.BeginTransaction();
        var rows = ReadAll(connection, transaction);
        var previous = new byte[32];
        foreach (var (record, _) in rows)
        {
            if (record.Sequence == sequence)
                record.ConsumerDepartmentCode = consumer;
            var encoded = AuditRecordLeaf.Encode(record);
            var hash = SHA256.HashData([.. previous, .. encoded]);
            if (record.Sequence >= sequence)
            {
                using var update = connection.CreateCommand();
                update.Transaction = transaction;
                update.CommandText = "UPDATE audit_records SET consumer = $consumer, previous_hash = $previous, hash = $hash, leaf_hash = $leaf WHERE sequence = $sequence";
                update.Parameters.AddWithValue("$consumer", record.ConsumerDepartmentCode);
                update.Parameters.AddWithValue("$previous", Convert.ToHexStringLower(previous));
                update.Parameters.AddWithValue("$hash", Convert.ToHexStringLower(hash));
                update.Parameters.AddWithValue("$leaf", Convert.ToHexStringLower(AuditRecordLeaf.Hash(record)));
                update.Parameters.AddWithValue("$sequence", record.Sequence);
                Assert.Equal(1, update.ExecuteNonQuery());
            }
            previous = hash;
        }
        transaction.Commit();
    }

    /// <summary>
    /// What the old verifier checked: every record's hash covers its predecessor's hash and its contents. True after
    /// <see cref="EditAndRehash"/> and after deleting the last records, which is why a plain hash chain cannot catch them.
    /// </summary>
    public bool ChainIsInternallyConsistent()
    {
        using var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        var previous = new string('0', 64);
        long expected = 1;
        foreach (var (record, stored) in ReadAll(connection, null))
        {
            var hash = Convert.ToHexStringLower(SHA256.HashData([.. Convert.FromHexString(previous), .. AuditRecordLeaf.Encode(record)]));
            if (record.Sequence != expected++ || stored.PreviousHash != previous || stored.Hash != hash)
                return false;
            previous = hash;
        }
        return true;
    }

    public void Execute(string sql)
    {
        using var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public long Count()
    {
        using var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM audit_records";
        return (long)command.ExecuteScalar()!;
    }

    private static List<(AuditRecord Record, (string PreviousHash, string Hash) Stored)> ReadAll(SqliteConnection connection, SqliteTransaction? transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT sequence, time_micros, request_id, consumer, provider, resource, method, holder_id, data_items, case_number, purpose, status, " +
            "status_message, latency_micros, previous_hash, hash FROM audit_records ORDER BY sequence";
        using var reader = command.ExecuteReader();
        var rows = new List<(AuditRecord, (string, string))>();
        while (reader.Read())
        {
            var micros = reader.GetInt64(1);
            var record = new AuditRecord
            {
                Sequence = reader.GetInt64(0),
                Time = new Timestamp { Seconds = micros / 1_000_000, Nanos = (int)(micros % 1_000_000) * 1000 },
                RequestId = reader.GetString(2),
                ConsumerDepartmentCode = reader.GetString(3),
                ProviderDepartmentCode = reader.GetString(4),
                ResourceCode = reader.GetString(5),
                Method = reader.GetString(6),
                HolderId = reader.GetString(7),
                DataItems = { reader.GetString(8).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) },
                CaseNumber = reader.GetString(9),
                Purpose = reader.GetString(10),
                Status = reader.GetString(11),
                StatusMessage = reader.GetString(12),
                LatencyMicros = reader.GetInt64(13),
            };
            rows.Add((record, (reader.GetString(14), reader.GetString(15))));
        }
        return rows;
    }
}

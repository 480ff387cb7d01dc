using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Exchange.Adapters.Shared;

/// <summary>
/// One row by its key from a SQLite store, without EF Core on the call's path. Each lease is an open connection with
/// the statement prepared once, so a lookup binds one parameter and steps one row. Per call EF Core took its pooled
/// connection out again (registering its SQL functions on every open), parsed and prepared the statement anew and built
/// a query context around it: most of an adapter's CPU per call (docs/benchmarks.md, issue 14). Every lookup is its
/// own read of what is committed; nothing is cached.
/// </summary>
/// <remarks>
/// At most <c>maxIdle</c> connections are kept between calls; a burst beyond that opens more, which close when they
/// come back. A connection that failed a lookup is closed, never reused.
/// </remarks>
public sealed class SqliteLookup<T> : IDisposable where T : class
{
    private readonly string _connectionString;
    private readonly string _sql;
    private readonly Func<SqliteDataReader, T> _read;
    private readonly int _maxIdle;
    private readonly ConcurrentQueue<Lease> _idle = new();
    private volatile bool _disposed;

    /// <param name="connectionString">The store's SQLite connection string.</param>
    /// <param name="sql">One SELECT with the parameter <c>$key</c>, at most one row by construction (a key).</param>
    /// <param name="read">Makes the result from the row the reader is on.</param>
    /// <param name="maxIdle">Connections kept open between calls.</param>
    public SqliteLookup(string connectionString, string sql, Func<SqliteDataReader, T> read, int maxIdle)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxIdle, 1);
        _connectionString = connectionString;
        _sql = sql;
        _read = read;
        _maxIdle = maxIdle;
    }

    /// <summary>The row with this key, or null when there is none.</summary>
    public T? Find(string key)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var lease = _idle.TryDequeue(out var idle) ? idle : Open();
        try
        {
            lease.Key.Value = key;
            T? row;
            using (var reader = lease.Command.ExecuteReader())
                row = reader.Read() ? _read(reader) : null;
            Return(lease);
            return row;
        }
        catch
        {
            lease.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryDequeue(out var lease))
            lease.Dispose();
    }

    private Lease Open()
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            var command = connection.CreateCommand();
            command.CommandText = _sql;
            var key = command.CreateParameter();
            key.ParameterName = "$key";
            key.Value = string.Empty;
            command.Parameters.Add(key);
            command.Prepare();
            return new Lease(connection, command, key);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private void Return(Lease lease)
    {
        if (_disposed || _idle.Count >= _maxIdle)
        {
            lease.Dispose();
            return;
        }
        _idle.Enqueue(lease);
        // Dispose may have emptied the queue between the check and the enqueue.
        if (_disposed && _idle.TryDequeue(out var late))
            late.Dispose();
    }

    private sealed record Lease(SqliteConnection Connection, SqliteCommand Command, SqliteParameter Key) : IDisposable
    {
        public void Dispose()
        {
            Command.Dispose();
            Connection.Dispose();
        }
    }
}

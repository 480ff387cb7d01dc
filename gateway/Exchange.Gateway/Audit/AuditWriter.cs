using System.Diagnostics;
using System.Threading.Channels;
using Exchange.Gateway.Telemetry;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Exchange.Gateway.Audit;

/// <summary>
/// The single writer of the audit chain, with group commit: calls hand in their entries and wait; one thread
/// takes every entry pending, chains and inserts them in one transaction, commits (one fsync for the lot) and
/// only then releases their callers. Resumes the chain from the last stored record at start-up.
/// </summary>
internal sealed partial class AuditWriter : IHostedService, IDisposable
{
    private readonly Channel<PendingEntry> _pending = Channel.CreateUnbounded<PendingEntry>(new UnboundedChannelOptions { SingleReader = true });
    private readonly AuditStore _store;
    private readonly int _maxBatch;
    private readonly ILogger<AuditWriter> _logger;
    private readonly GatewayMetrics _metrics;
    private readonly AuditChain _chain = new();
    private SqliteConnection? _connection;
    private SqliteCommand? _insert;
    private Thread? _thread;
    private long _sequence;
    private string _hash = AuditChain.GenesisHash;

    public AuditWriter(AuditStore store, IOptions<AuditOptions> options, GatewayMetrics metrics, ILogger<AuditWriter> logger)
    {
        _metrics = metrics;
        _store = store;
        _maxBatch = options.Value.MaxBatchSize;
        _logger = logger;
    }

    /// <summary>Completes once the entry is committed to disk; faults if it could not be.</summary>
    public Task AppendAsync(AuditEntry entry)
    {
        var pending = new PendingEntry(entry);
        if (!_pending.Writer.TryWrite(pending))
            return Task.FromException(new InvalidOperationException("The audit writer has stopped."));
        return pending.Committed.Task;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _connection = _store.OpenForWriting();
        (_sequence, _hash) = AuditStore.ReadHead(_connection);
        // Prepared once: the writer is the connection's only user, batch after batch.
        _insert = AuditStore.PrepareInsert(_connection);
        LogResumed(_store.DataSource, _sequence);
        _thread = new Thread(Run) { IsBackground = true, Name = "audit-writer" };
        _thread.Start();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        // The server has drained its requests by now; commit what they handed in, then stop.
        _pending.Writer.TryComplete();
        _thread?.Join(TimeSpan.FromSeconds(10));
        return Task.CompletedTask;
    }

    private void Run()
    {
        var reader = _pending.Reader;
        var batch = new List<PendingEntry>(_maxBatch);
        while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            while (batch.Count < _maxBatch && reader.TryRead(out var pending))
                batch.Add(pending);
            try
            {
                Commit(batch);
                foreach (var pending in batch)
                {
                    _metrics.AuditRecordDurable(Stopwatch.GetElapsedTime(pending.HandedIn));
                    pending.Committed.TrySetResult();
                }
            }
            catch (Exception ex)
            {
                LogCommitFailed(ex, batch.Count, _store.DataSource);
                var failure = new AuditUnavailableException($"The audit record could not be stored: {ex.Message}", ex);
                foreach (var pending in batch)
                    pending.Committed.TrySetException(failure);
            }
            batch.Clear();
        }
    }

    private void Commit(List<PendingEntry> batch)
    {
        var connection = _connection!;
        var sequence = _sequence;
        var hash = _hash;
        using var transaction = connection.BeginTransaction();
        var insert = _insert!;
        insert.Transaction = transaction;
        foreach (var pending in batch)
        {
            sequence++;
            var next = _chain.Hash(hash, sequence, pending.Entry);
            AuditStore.Insert(insert, new ChainedAuditRecord(sequence, pending.Entry, hash, next));
            if (pending.Entry.LicenceUses.Count > 0 || pending.Entry.Materials is not null)
                Licences.LicenceUsageTables.Insert(connection, transaction, sequence, pending.Entry);
            hash = next;
        }
        transaction.Commit();
        // Only a committed batch moves the head: after a failed one the chain goes on from the last stored record.
        (_sequence, _hash) = (sequence, hash);
    }

    public void Dispose()
    {
        _insert?.Dispose();
        _connection?.Dispose();
    }

    private sealed class PendingEntry(AuditEntry entry)
    {
        public AuditEntry Entry { get; } = entry;

        public long HandedIn { get; } = Stopwatch.GetTimestamp();

        public TaskCompletionSource Committed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit log {Path}: resuming the chain after record {Sequence}")]
    private partial void LogResumed(string path, long sequence);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not commit {Count} audit records to {Path}; their calls are aborted")]
    private partial void LogCommitFailed(Exception exception, int count, string path);
}

public sealed class AuditUnavailableException(string message, Exception inner) : Exception(message, inner);

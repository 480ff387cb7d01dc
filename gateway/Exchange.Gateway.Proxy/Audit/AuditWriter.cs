using System.Data.Common;
using System.Diagnostics;
using System.Threading.Channels;
using Exchange.Gateway.Audit.Store;
using Exchange.Gateway.Telemetry;
using Exchange.Storage;
using Microsoft.Extensions.Options;

namespace Exchange.Gateway.Audit;

/// <summary>
/// The single writer of the audit chain, with group commit: calls hand in their entries and wait; one thread
/// takes every entry pending, chains and inserts them in one transaction, commits (one fsync for the lot) and
/// only then releases their callers. Each batch resumes the chain from the last stored record, under the chain's
/// lock, so gateway instances sharing one PostgreSQL store extend one chain. A connection that fails is replaced
/// for the next batch, so the log recovers by itself when its database returns.
/// </summary>
internal sealed partial class AuditWriter : IHostedService, IDisposable
{
    private readonly Channel<PendingEntry> _pending = Channel.CreateUnbounded<PendingEntry>(new UnboundedChannelOptions { SingleReader = true });
    private readonly AuditStore _store;
    private readonly int _maxBatch;
    private readonly ILogger<AuditWriter> _logger;
    private readonly GatewayMetrics _metrics;
    private readonly IServiceScopeFactory _scopes;
    private readonly AuditChain _chain = new();
    private readonly Exchange.Transparency.CheckpointSchedule _checkpoints;
    private DbConnection? _connection;
    private DbCommand? _insert;
    private DbCommand? _head;
    private Thread? _thread;

    public AuditWriter(
        AuditStore store, IOptions<AuditOptions> options, GatewayMetrics metrics, IServiceScopeFactory scopes, Exchange.Transparency.CheckpointSchedule checkpoints,
        ILogger<AuditWriter> logger)
    {
        _checkpoints = checkpoints;
        _metrics = metrics;
        _store = store;
        _scopes = scopes;
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

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using (var scope = _scopes.CreateAsyncScope())
        {
            var schema = scope.ServiceProvider.GetRequiredService<AuditDbContext>();
            await schema.MigrateStoreAsync(_logger, cancellationToken, AdoptUnversionedAsync);
        }
        if (_store.BackfillLeafHashes() is > 0 and var filled)
            LogBackfilled(filled);
        Connect();
        var head = AuditStore.ReadHead(_head!).Sequence;
        _checkpoints.Appended(head);
        LogResumed(_store.Location, head);
        _thread = new Thread(Run) { IsBackground = true, Name = "audit-writer" };
        _thread.Start();
    }

    // A store made before migrations gets the first migration's tables it lacks; the later migrations, applied right
    // after the adoption, add the rest.
    private static Task AdoptUnversionedAsync(Microsoft.EntityFrameworkCore.DbContext db, CancellationToken cancellationToken) =>
        StoreSchema.CreateMissingTablesAsync(db, cancellationToken);

    private void Connect()
    {
        _connection = _store.OpenForWriting();
        // Prepared once per connection: the writer is its only user, batch after batch.
        _insert = AuditStore.PrepareInsert(_connection);
        _head = AuditStore.PrepareReadHead(_connection);
    }

    private void Disconnect()
    {
        _insert?.Dispose();
        _head?.Dispose();
        _connection?.Dispose();
        (_insert, _head, _connection) = (null, null, null);
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
                Disconnect();
                LogCommitFailed(ex, batch.Count, _store.Location);
                var failure = new AuditUnavailableException($"The audit record could not be stored: {ex.Message}", ex);
                foreach (var pending in batch)
                    pending.Committed.TrySetException(failure);
            }
            batch.Clear();
        }
    }

    private void Commit(List<PendingEntry> batch)
    {
        if (_connection is null)
            Connect();
        var connection = _connection!;
        using var transaction = _store.BeginWrite(connection);
        var (insert, head) = (_insert!, _head!);
        (insert.Transaction, head.Transaction) = (transaction, transaction);
        // Read under the lock: another instance may have extended the chain since this one's last batch, and after a
        // failed batch the chain goes on from the last stored record.
        var (sequence, hash) = AuditStore.ReadHead(head);
        foreach (var pending in batch)
        {
            sequence++;
            var next = _chain.Hash(hash, sequence, pending.Entry);
            AuditStore.Insert(insert, new ChainedAuditRecord(sequence, pending.Entry, hash, next, _chain.LeafHash(sequence, pending.Entry)));
            pending.Entry.Attachment?.Insert(connection, transaction, sequence, pending.Entry);
            hash = next;
        }
        transaction.Commit();
        _checkpoints.Appended(sequence);
    }

    public void Dispose() => Disconnect();

    private sealed class PendingEntry(AuditEntry entry)
    {
        public AuditEntry Entry { get; } = entry;

        public long HandedIn { get; } = Stopwatch.GetTimestamp();

        public TaskCompletionSource Committed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit log {Location}: the chain goes on after record {Sequence}")]
    private partial void LogResumed(string location, long sequence);

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit log: {Count} records stored before leaf hashes existed were given theirs")]
    private partial void LogBackfilled(long count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not commit {Count} audit records to {Location}; their calls are aborted")]
    private partial void LogCommitFailed(Exception exception, int count, string location);
}

public sealed class AuditUnavailableException(string message, Exception inner) : Exception(message, inner);

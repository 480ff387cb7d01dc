namespace Exchange.Transparency;

/// <summary>
/// When the next checkpoint is due: once <c>CheckpointEveryRecords</c> records were added since the last one, or
/// <c>CheckpointInterval</c> after it when any were. The writer reports each commit's head (a volatile write and, at
/// most once per due checkpoint, a semaphore release), so the request path never waits for a checkpoint.
/// </summary>
public sealed class CheckpointSchedule(TimeSpan interval, int everyRecords, TimeProvider time)
{
    private readonly SemaphoreSlim _due = new(0, 1);
    private long _head;
    private long _checkpointed;
    private DateTimeOffset _checkpointedAt = time.GetUtcNow();

    public long Head => Volatile.Read(ref _head);

    public long Checkpointed => Volatile.Read(ref _checkpointed);

    /// <summary>Called by the writer after a commit with the last sequence it stored.</summary>
    public void Appended(long head)
    {
        Volatile.Write(ref _head, Math.Max(head, Head));
        if (head - Checkpointed >= everyRecords && _due.CurrentCount == 0)
        {
            try
            {
                _due.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another commit signalled first: one checkpoint covers both.
            }
        }
    }

    public bool IsDue(DateTimeOffset now)
    {
        var pending = Head - Checkpointed;
        return pending > 0 && (pending >= everyRecords || now - _checkpointedAt >= interval);
    }

    public void Made(long treeSize, DateTimeOffset at)
    {
        Volatile.Write(ref _checkpointed, treeSize);
        _checkpointedAt = at;
    }

    /// <summary>Waits until the record count calls for a checkpoint or the interval has passed (on the schedule's clock).</summary>
    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        var wait = _checkpointedAt + interval - time.GetUtcNow();
        if (wait <= TimeSpan.Zero)
            wait = interval;
        using var timeout = new CancellationTokenSource(wait, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await _due.WaitAsync(linked.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }
    }
}

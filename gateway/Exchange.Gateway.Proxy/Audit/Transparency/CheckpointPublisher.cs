using Exchange.Protos.Audit.V1;
using Exchange.Storage;
using Exchange.Transparency;
using Grpc.Core;

namespace Exchange.Gateway.Audit.Transparency;

/// <summary>
/// Makes the log's checkpoints off the request path: when <see cref="CheckpointSchedule"/> says one is due, reads the
/// leaf hashes added since the last one (kept in memory with the hashes of the complete subtrees they make, so each
/// checkpoint reads only the new ones and hashes O(log n) nodes), computes the Merkle root, signs it, stores it in the
/// audit store and offers it to every witness with a consistency proof from the tree that witness holds. A witness
/// refusing for an inconsistency is logged as an error: the log was rewritten.
/// </summary>
internal sealed partial class CheckpointPublisher(
    AuditStore store, AuditLogKey key, AuditWitnesses witnesses, CheckpointSchedule schedule, TimeProvider time,
    ILogger<CheckpointPublisher> logger) : BackgroundService
{
    private readonly MerkleTreeHashes _leaves = new();
    private readonly SemaphoreSlim _gate = new(1, 1);
    // One publication at a time: a witness is asked what it holds and then offered the proof from there, and two
    // rounds interleaving would offer proofs from a size it no longer holds.
    private readonly SemaphoreSlim _publishing = new(1, 1);
    private SignedCheckpoint? _latest;

    /// <summary>The leaves this publisher has read, for proofs of the checkpoints it made.</summary>
    public async Task<T> WithLeavesAsync<T>(Func<IReadOnlyList<byte[]>, T> use, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return use(_leaves);
        }
        finally
        {
            _gate.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await schedule.WaitAsync(stoppingToken);
            if (stoppingToken.IsCancellationRequested)
                break;
            if (!schedule.IsDue(time.GetUtcNow()))
                continue;
            try
            {
                await PublishAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogCheckpointFailed(ex);
            }
        }
    }

    /// <summary>Makes a checkpoint of every record stored now (if any were added) and offers it to the witnesses.</summary>
    public async Task<SignedCheckpoint?> PublishAsync(CancellationToken cancellationToken)
    {
        await _publishing.WaitAsync(cancellationToken);
        try
        {
            SignedCheckpoint? checkpoint;
            await _gate.WaitAsync(cancellationToken);
            try
            {
                checkpoint = MakeCheckpoint();
            }
            finally
            {
                _gate.Release();
            }
            if (checkpoint is null)
                return null;
            await Task.WhenAll(witnesses.All.Select(w => SubmitAsync(w, checkpoint, cancellationToken)));
            return checkpoint;
        }
        finally
        {
            _publishing.Release();
        }
    }

    private SignedCheckpoint? MakeCheckpoint()
    {
        if (!store.Exists)
            return null;
        using (var connection = store.Open())
        {
            foreach (var (sequence, leaf) in AuditStore.ReadLeafHashes(connection, _leaves.Count))
            {
                if (sequence != _leaves.Count + 1 || leaf.Length != 64)
                {
                    // A gap or a record without its leaf: never sign past it; the verifiers name it.
                    LogGap(sequence, _leaves.Count);
                    break;
                }
                _leaves.Add(Convert.FromHexString(leaf));
            }
        }
        var size = _leaves.Count;
        var now = time.GetUtcNow();
        if (size == 0 || _latest?.Checkpoint.TreeSize == size)
        {
            schedule.Made(size, now);
            return _latest;
        }
        var signed = key.Sign(size, MerkleTree.Root(_leaves, size), now);
        store.SaveCheckpoint(signed);
        schedule.Made(size, now);
        _latest = signed;
        LogCheckpoint(signed.Checkpoint.LogId, size, signed.Checkpoint.RootHex);
        return signed;
    }

    private async Task SubmitAsync(AuditWitness witness, SignedCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        var answer = await witnesses.AskAsync(witness, checkpoint.Checkpoint.LogId, cancellationToken);
        if (!answer.Answered)
        {
            LogWitnessUnavailable(witness.Name, answer.Error);
            return;
        }
        var heldSize = answer.Held?.Checkpoint?.TreeSize ?? 0;
        if (heldSize >= checkpoint.Checkpoint.TreeSize)
        {
            // On PostgreSQL another instance sharing this log may have got further; a log of its own never shrinks.
            if (heldSize > checkpoint.Checkpoint.TreeSize && store.Provider == StoreProvider.Sqlite)
                LogWitnessAhead(witness.Name, heldSize, checkpoint.Checkpoint.TreeSize);
            return;
        }
        var proof = await WithLeavesAsync(leaves => MerkleTree.ConsistencyProof(leaves, heldSize, checkpoint.Checkpoint.TreeSize), cancellationToken);
        var request = new SubmitCheckpointRequest { Checkpoint = CheckpointMessages.ToMessage(checkpoint), ProofFromSize = heldSize };
        request.ConsistencyProof.AddRange(CheckpointMessages.ToMessage(proof));
        try
        {
            await witness.Client.SubmitCheckpointAsync(request, witnesses.Options(witness, cancellationToken));
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.FailedPrecondition)
        {
            LogWitnessRefused(witness.Name, checkpoint.Checkpoint.TreeSize, ex.Status.Detail);
        }
        catch (RpcException ex)
        {
            LogWitnessUnavailable(witness.Name, $"{ex.StatusCode}: {ex.Status.Detail}");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit log {LogId}: checkpoint of {TreeSize} records, root {Root}")]
    private partial void LogCheckpoint(string logId, long treeSize, string root);

    [LoggerMessage(Level = LogLevel.Error, Message = "AUDIT LOG REFUSED BY WITNESS {Witness} at size {TreeSize}: {Reason}. The stored log no longer matches what was witnessed; run verify-audit")]
    private partial void LogWitnessRefused(string witness, long treeSize, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "AUDIT LOG SHRANK: witness {Witness} saw {HeldSize} records but the store holds {TreeSize}; records were deleted or an old copy restored; run verify-audit")]
    private partial void LogWitnessAhead(string witness, long heldSize, long treeSize);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Audit witness {Witness} could not be asked: {Reason}; the checkpoint is offered again with the next one")]
    private partial void LogWitnessUnavailable(string witness, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Audit log: record {Sequence} does not follow record {Previous} with a leaf hash; checkpoints stop before it")]
    private partial void LogGap(long sequence, long previous);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not make an audit checkpoint")]
    private partial void LogCheckpointFailed(Exception exception);
}

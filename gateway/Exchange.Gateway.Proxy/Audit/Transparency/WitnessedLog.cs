using Exchange.Protos.Audit.V1;
using Exchange.ServiceDefaults.Errors;
using Exchange.Transparency;
using Microsoft.Extensions.Options;

namespace Exchange.Gateway.Audit.Transparency;

/// <summary>An inclusion proof of one record in a tree, with the witnessed checkpoint of that size when there is one.</summary>
internal sealed record InclusionProof(ChainedAuditRecord Record, long TreeSize, List<byte[]> Path, Protos.Audit.V1.WitnessedCheckpoint? Checkpoint);

/// <summary>
/// The audit log checked against its witnesses, for the API: verification first checkpoints the records stored now
/// (so the witnesses are asked about the latest tree), then fetches what each witness holds and checks the store
/// against it with <see cref="AuditLogVerifier"/>. Nothing the gateway's own store says about checkpoints is trusted.
/// </summary>
internal sealed class WitnessedLog(AuditStore store, AuditWitnesses witnesses, CheckpointPublisher publisher, IOptions<AuditOptions> options)
{
    private readonly DirectoryTrustedLogKeys _trustedKeys = new(options.Value.TrustedLogKeysDirectory);

    private string LogId => options.Value.LogId;

    public async Task<VerifyAuditChainResponse> VerifyAsync(CancellationToken cancellationToken)
    {
        await publisher.PublishAsync(cancellationToken);
        var answers = await witnesses.AskAllAsync(LogId, cancellationToken);
        var response = new VerifyAuditChainResponse();
        foreach (var answer in answers)
        {
            response.Witnesses.Add(new WitnessReport
            {
                Name = answer.Witness.Name,
                Address = answer.Witness.Address.ToString(),
                TreeSize = answer.Held?.Checkpoint?.TreeSize ?? 0,
                Error = answer.Error,
            });
        }
        var held = answers.Where(a => a.Held?.Checkpoint is not null).Select(a => CheckpointMessages.FromMessage(a.Held!.Checkpoint)).ToList();

        AuditLogVerification result;
        if (!store.Exists)
        {
            result = new AuditLogVerification(true, AuditFailure.Unspecified, 0, 0, "", null, 0);
            if (held.Count > 0)
                result = result with { IsIntact = false, Failure = AuditFailure.TailDeleted, Problem = $"TAIL DELETED: there is no audit log at {store.Location}, but a witness saw {held.Max(h => h.Checkpoint.TreeSize)} records" };
        }
        else
        {
            using var connection = store.Open();
            result = AuditLogVerifier.Verify(connection, LogId, held, _trustedKeys.Keys(held.FirstOrDefault()?.KeyId ?? ""));
        }

        if (result.IsIntact && answers.Length > 0 && answers.All(a => !a.Answered))
        {
            result = result with
            {
                IsIntact = false,
                Failure = AuditFailure.WitnessesUnavailable,
                Problem = $"WITNESSES UNAVAILABLE: no witness answered ({string.Join("; ", answers.Select(a => $"{a.Witness.Name}: {a.Error}"))}); the {result.RecordsChecked} records were checked by their hash chain only",
            };
        }
        else if (result.IsIntact && result.RecordsChecked > 0 && held.Count == 0)
        {
            result = result with
            {
                IsIntact = false,
                Failure = AuditFailure.WitnessesUnavailable,
                Problem = answers.Length == 0
                    ? "NOT WITNESSED: no witness is configured (Audit:WitnessCatalog, Audit:Witnesses), so a deleted tail or a rewritten log cannot be detected"
                    : "NOT WITNESSED: no witness holds a checkpoint of this log; see the gateway's log for why they refused it",
            };
        }

        response.Intact = result.IsIntact;
        response.Failure = result.Failure;
        response.RecordsChecked = result.RecordsChecked;
        response.FirstBrokenSequence = result.FirstBrokenSequence;
        response.Problem = result.Problem;
        response.RecordsNotYetWitnessed = result.RecordsNotYetWitnessed;
        if (result.Witnessed is { } witnessed)
            response.WitnessedCheckpoint = CheckpointMessages.ToMessage(witnessed);
        return response;
    }

    /// <exception cref="NotFoundException">when there is no such record or no tree that contains it.</exception>
    public async Task<InclusionProof> ProveAsync(long sequence, long treeSize, CancellationToken cancellationToken)
    {
        Protos.Audit.V1.WitnessedCheckpoint? checkpoint = null;
        if (treeSize == 0)
        {
            await publisher.PublishAsync(cancellationToken);
            var answers = await witnesses.AskAllAsync(LogId, cancellationToken);
            checkpoint = answers.Where(a => a.Held?.Checkpoint is not null).MaxBy(a => a.Held!.Checkpoint.TreeSize)?.Held
                ?? throw new NotFoundException("No witness holds a checkpoint of this audit log yet; name a tree_size, or ask again after the next checkpoint.");
            treeSize = checkpoint.Checkpoint.TreeSize;
        }
        if (sequence > treeSize)
            throw new NotFoundException($"Record {sequence} is not in the tree of {treeSize} records; it is proved in a later checkpoint.");
        if (!store.Exists)
            throw new NotFoundException($"There is no audit log at {store.Location}.");
        using var connection = store.Open();
        var record = AuditStore.ReadOne(connection, sequence) ?? throw new NotFoundException($"There is no audit record {sequence}.");
        var leaves = new List<byte[]>();
        foreach (var (leafSequence, leaf) in AuditStore.ReadLeafHashes(connection, 0))
        {
            if (leafSequence > treeSize)
                break;
            if (leafSequence != leaves.Count + 1 || leaf.Length != 64)
                throw new NotFoundException($"The audit log is broken at record {leaves.Count + 1}; verify it (VerifyAuditChain).");
            leaves.Add(Convert.FromHexString(leaf));
        }
        if (leaves.Count < treeSize)
            throw new NotFoundException($"The audit log has {leaves.Count} records, fewer than the tree of {treeSize}; verify it (VerifyAuditChain).");
        return new InclusionProof(record, treeSize, MerkleTree.InclusionProof(leaves, sequence - 1, treeSize), checkpoint);
    }
}

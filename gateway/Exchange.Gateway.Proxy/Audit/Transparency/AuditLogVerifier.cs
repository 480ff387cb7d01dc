using System.Data.Common;
using System.Security.Cryptography;
using Exchange.Protos.Audit.V1;
using Exchange.Transparency;

namespace Exchange.Gateway.Audit.Transparency;

/// <summary>The outcome of checking the log: the chain walk and, when witnesses answered, the check against their checkpoints.</summary>
internal sealed record AuditLogVerification(
    bool IsIntact, AuditFailure Failure, long RecordsChecked, long FirstBrokenSequence, string Problem,
    SignedCheckpoint? Witnessed, long RecordsNotYetWitnessed);

/// <summary>
/// Checks the audit log against checkpoints held outside its store. First the chain walk (an edit that left the stored
/// hashes, a gap, a broken link), recomputing every record's leaf hash from its contents; then, for every witnessed
/// checkpoint, that the log still has that many records (else its tail was deleted or an older copy restored) and that
/// its first N leaves hash to the witnessed root (else records were edited and rehashed, or a restored copy extended).
/// Only checkpoints signed by a trusted audit key count; one that is not is itself a failure.
/// </summary>
internal static class AuditLogVerifier
{
    public static AuditLogVerification Verify(DbConnection connection, string logId, IReadOnlyList<SignedCheckpoint> witnessed, IReadOnlyDictionary<string, ECDsa> trustedKeys)
    {
        var leaves = new List<byte[]>();
        var chainResult = WalkChain(connection, leaves);
        foreach (var checkpoint in witnessed)
        {
            if (checkpoint.Checkpoint.LogId != logId || !trustedKeys.TryGetValue(checkpoint.KeyId, out var key) || !TransparencyKey.Verify(key, checkpoint))
            {
                return Broken(AuditFailure.BadCheckpoint, chainResult.RecordsChecked, 0,
                    $"a witness holds a checkpoint of size {checkpoint.Checkpoint.TreeSize} for log '{checkpoint.Checkpoint.LogId}' that is not signed by a trusted audit key of log '{logId}'", checkpoint, 0);
            }
        }
        var latest = witnessed.MaxBy(c => c.Checkpoint.TreeSize);
        if (!chainResult.IsIntact)
            return Broken(AuditFailure.ChainBroken, chainResult.RecordsChecked, chainResult.FirstBrokenSequence, chainResult.Problem, latest, 0);

        foreach (var checkpoint in witnessed.OrderByDescending(c => c.Checkpoint.TreeSize))
        {
            var c = checkpoint.Checkpoint;
            if (leaves.Count < c.TreeSize)
            {
                return Broken(AuditFailure.TailDeleted, leaves.Count, leaves.Count + 1,
                    $"TAIL DELETED: the log has {leaves.Count} records but a witness saw {c.TreeSize} at {c.Time:u}; records {leaves.Count + 1} to {c.TreeSize} were deleted or an older copy of the log restored", checkpoint, 0);
            }
            if (!MerkleTree.Root(leaves, c.TreeSize).AsSpan().SequenceEqual(c.RootHash))
            {
                return Broken(AuditFailure.RootMismatch, leaves.Count, 0,
                    $"ROOT MISMATCH: the first {c.TreeSize} records do not hash to the root witnessed at {c.Time:u}; records were edited and their hashes recomputed, or an old copy was restored and extended (a fork)", checkpoint, 0);
            }
        }
        var covered = latest?.Checkpoint.TreeSize ?? 0;
        return new AuditLogVerification(true, AuditFailure.Unspecified, leaves.Count, 0, "", latest, leaves.Count - covered);
    }

    private static AuditLogVerification Broken(AuditFailure failure, long checkedCount, long sequence, string problem, SignedCheckpoint? witnessed, long notWitnessed) =>
        new(false, failure, checkedCount, sequence, problem, witnessed, notWitnessed);

    // The chain walk of AuditChainVerifier, which also recomputes each record's leaf hash and compares it with the stored one.
    private static AuditVerification WalkChain(DbConnection connection, List<byte[]> leaves)
    {
        var chain = new AuditChain();
        long expected = 1;
        var previousHash = AuditChain.GenesisHash;
        foreach (var record in AuditStore.ReadAll(connection))
        {
            var problem = AuditChainVerifier.Check(chain, record, expected, previousHash);
            if (problem is not null)
                return AuditVerification.Broken(leaves.Count, problem.Value.Sequence, problem.Value.Problem);
            var leaf = chain.LeafHash(record.Sequence, record.Entry);
            if (record.LeafHash.Length > 0 && record.LeafHash != leaf)
                return AuditVerification.Broken(leaves.Count, record.Sequence, $"record {record.Sequence} was edited: its stored leaf hash does not match its contents");
            leaves.Add(Convert.FromHexString(leaf));
            previousHash = record.Hash;
            expected++;
        }
        return AuditVerification.Intact(leaves.Count);
    }
}

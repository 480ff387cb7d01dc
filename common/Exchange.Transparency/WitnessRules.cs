using System.Security.Cryptography;

namespace Exchange.Transparency;

public enum WitnessDecision
{
    /// <summary>Signed by a trusted key and consistent with the checkpoint held: now held and countersigned.</summary>
    Accepted,
    /// <summary>The very tree already held (same size and root): countersigned again, nothing changes.</summary>
    AlreadyHeld,
    /// <summary>The key that signed it is not one this witness was told to trust.</summary>
    UntrustedKey,
    /// <summary>The signature does not verify.</summary>
    BadSignature,
    /// <summary>The tree is smaller than the one held: records were removed or an old copy restored.</summary>
    SmallerTree,
    /// <summary>Same size as the tree held but another root: the log was rewritten (a fork).</summary>
    Fork,
    /// <summary>The consistency proof does not show the held tree is a prefix of the new one: the log was rewritten.</summary>
    Inconsistent,
    /// <summary>The proof starts from another size than the tree held; ask for the held checkpoint and prove from it.</summary>
    StaleProof,
}

public sealed record WitnessVerdict(WitnessDecision Decision, string Reason)
{
    public bool Accepts => Decision is WitnessDecision.Accepted or WitnessDecision.AlreadyHeld;

    /// <summary>A refusal that means the log itself is wrong (not a stale submitter): worth an alarm.</summary>
    public bool ShowsTampering => Decision is WitnessDecision.SmallerTree or WitnessDecision.Fork or WitnessDecision.Inconsistent;
}

/// <summary>
/// What a witness checks before it countersigns (in the manner of RFC 9162 §8.2 and the C2SP witness protocol): the
/// checkpoint is signed by a key it trusts, and the tree it holds for that log is a prefix of the new one — never a
/// smaller tree, never another root at the same size. The first checkpoint of a log is accepted as it comes.
/// </summary>
public static class WitnessRules
{
    public static WitnessVerdict Check(
        SignedCheckpoint? held, SignedCheckpoint incoming, long proofFromSize, IReadOnlyList<byte[]> proof,
        IReadOnlyDictionary<string, ECDsa> trustedKeys)
    {
        var next = incoming.Checkpoint;
        if (!trustedKeys.TryGetValue(incoming.KeyId, out var key))
            return new(WitnessDecision.UntrustedKey, $"key {incoming.KeyId} is not a trusted audit log key; add its public key to the witness's trusted keys");
        if (next.RootHash.Length != MerkleTree.HashSize || next.TreeSize < 0 || !TransparencyKey.Verify(key, incoming))
            return new(WitnessDecision.BadSignature, $"the signature of checkpoint {next.TreeSize} of log {next.LogId} does not verify with key {incoming.KeyId}");
        if (held is null)
            return new(WitnessDecision.Accepted, $"first checkpoint of log {next.LogId}: size {next.TreeSize}");

        var old = held.Checkpoint;
        // Checked first: a submitter that saw an older witnessed size (another instance of a shared log got further)
        // is told to prove again, not reported as a rewrite; one that claims to extend the witnessed size is held to it.
        if (proofFromSize != old.TreeSize)
            return new(WitnessDecision.StaleProof, $"the consistency proof starts at size {proofFromSize}, but the witnessed size of log {next.LogId} is {old.TreeSize}; prove from {old.TreeSize}");
        if (next.TreeSize < old.TreeSize)
            return new(WitnessDecision.SmallerTree, $"log {next.LogId} shrank: checkpoint size {next.TreeSize} is smaller than the witnessed size {old.TreeSize} (records deleted or an old copy restored)");
        if (next.TreeSize == old.TreeSize)
        {
            return old.RootHash.AsSpan().SequenceEqual(next.RootHash)
                ? new(WitnessDecision.AlreadyHeld, $"size {next.TreeSize} of log {next.LogId} is already witnessed")
                : new(WitnessDecision.Fork, $"log {next.LogId} forked: size {next.TreeSize} has root {next.RootHex}, but the witnessed root is {old.RootHex} (records rewritten)");
        }
        return MerkleProofs.VerifyConsistency(old.TreeSize, next.TreeSize, old.RootHash, next.RootHash, proof)
            ? new(WitnessDecision.Accepted, $"log {next.LogId} grew from {old.TreeSize} to {next.TreeSize} consistently")
            : new(WitnessDecision.Inconsistent, $"log {next.LogId} was rewritten: size {next.TreeSize} is not consistent with the witnessed size {old.TreeSize} (the first {old.TreeSize} records changed)");
    }
}

using System.Security.Cryptography;

namespace Exchange.Transparency;

/// <summary>A checkpoint as a witness keeps it: the log's signed checkpoint and this witness's countersignature.</summary>
public sealed record WitnessedCheckpoint(SignedCheckpoint Signed, Cosignature Cosignature);

/// <summary>Where a witness keeps the latest checkpoint it accepted per log (the catalog's database, a gateway's file).</summary>
public interface IWitnessLedger
{
    WitnessedCheckpoint? Latest(string logId);

    void Save(WitnessedCheckpoint witnessed);
}

/// <summary>Where a witness learns which log keys to trust (configuration, re-read for an unknown key id).</summary>
public interface ITrustedLogKeys
{
    IReadOnlyDictionary<string, ECDsa> Keys(string keyId);
}

/// <summary>
/// A witness: applies <see cref="WitnessRules"/> against the checkpoint it holds for the log, and on acceptance
/// countersigns and keeps the new one. One submission at a time, so two cannot both extend from the same held tree.
/// </summary>
public sealed class CheckpointWitness(IWitnessLedger ledger, ITrustedLogKeys trustedKeys, ECDsa witnessKey, string witnessName, TimeProvider time)
{
    private readonly Lock _gate = new();

    public string WitnessId { get; } = TransparencyKey.IdOf(witnessKey);

    public string WitnessName => witnessName;

    public (WitnessVerdict Verdict, WitnessedCheckpoint? Witnessed) Submit(SignedCheckpoint incoming, long proofFromSize, IReadOnlyList<byte[]> proof)
    {
        lock (_gate)
        {
            var held = ledger.Latest(incoming.Checkpoint.LogId);
            var verdict = WitnessRules.Check(held?.Signed, incoming, proofFromSize, proof, trustedKeys.Keys(incoming.KeyId));
            if (!verdict.Accepts)
                return (verdict, held);
            if (verdict.Decision == WitnessDecision.AlreadyHeld && held is not null)
                return (verdict, held);
            var witnessed = new WitnessedCheckpoint(incoming, TransparencyKey.Cosign(witnessKey, witnessName, time.GetUtcNow().ToUnixTimeMilliseconds(), incoming.Checkpoint));
            ledger.Save(witnessed);
            return (verdict, witnessed);
        }
    }

    public WitnessedCheckpoint? Latest(string logId)
    {
        lock (_gate)
            return ledger.Latest(logId);
    }
}

/// <summary>Trusted log keys from a directory of PEM public keys, re-read when a key id is not known yet.</summary>
public sealed class DirectoryTrustedLogKeys(string directory) : ITrustedLogKeys
{
    private IReadOnlyDictionary<string, ECDsa> _keys = TransparencyKey.LoadPublicKeys(directory);

    public string Directory => directory;

    public IReadOnlyDictionary<string, ECDsa> Keys(string keyId)
    {
        if (!_keys.ContainsKey(keyId))
            _keys = TransparencyKey.LoadPublicKeys(directory);
        return _keys;
    }
}

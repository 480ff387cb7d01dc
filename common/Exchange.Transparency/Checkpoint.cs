using System.Globalization;
using System.Text;

namespace Exchange.Transparency;

/// <summary>
/// What a log commits to at one moment: its id, tree size, root hash and time (Unix milliseconds). <see cref="Body"/>
/// is the exact text that the log signs and witnesses countersign, so no serialiser choice can change what is signed.
/// </summary>
public sealed record Checkpoint(string LogId, long TreeSize, byte[] RootHash, long TimeMillis)
{
    private const string Origin = "exchange-audit-checkpoint/v1";

    public byte[] Body() => Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
        $"{Origin}\n{LogId}\n{TreeSize}\n{Convert.ToBase64String(RootHash)}\n{TimeMillis}\n"));

    /// <summary>Same log, size and root: the same tree, whatever the time.</summary>
    public bool SameTree(Checkpoint other) =>
        LogId == other.LogId && TreeSize == other.TreeSize && RootHash.AsSpan().SequenceEqual(other.RootHash);

    public string RootHex => Convert.ToHexStringLower(RootHash);

    public DateTimeOffset Time => DateTimeOffset.FromUnixTimeMilliseconds(TimeMillis);
}

/// <summary>A checkpoint with the log's signature (ECDSA P-256, SHA-256, DER) by the key <see cref="KeyId"/>.</summary>
public sealed record SignedCheckpoint(Checkpoint Checkpoint, string KeyId, byte[] Signature);

/// <summary>A witness's countersignature over a checkpoint body, made when it accepted the checkpoint.</summary>
public sealed record Cosignature(string WitnessId, string WitnessName, long TimeMillis, byte[] Signature)
{
    private const string Origin = "exchange-audit-cosignature/v1";

    public static byte[] Body(string witnessId, long timeMillis, Checkpoint checkpoint)
    {
        var head = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{Origin}\n{witnessId}\n{timeMillis}\n"));
        return [.. head, .. checkpoint.Body()];
    }
}

using Google.Protobuf;
using Proto = Exchange.Protos.Audit.V1;

namespace Exchange.Transparency;

/// <summary>Checkpoints and cosignatures to and from their exchange.audit.v1 messages.</summary>
public static class CheckpointMessages
{
    public static Proto.Checkpoint ToMessage(SignedCheckpoint signed) => new()
    {
        LogId = signed.Checkpoint.LogId,
        TreeSize = signed.Checkpoint.TreeSize,
        RootHash = ByteString.CopyFrom(signed.Checkpoint.RootHash),
        TimeUnixMillis = signed.Checkpoint.TimeMillis,
        KeyId = signed.KeyId,
        Signature = ByteString.CopyFrom(signed.Signature),
    };

    public static SignedCheckpoint FromMessage(Proto.Checkpoint message) =>
        new(new Checkpoint(message.LogId, message.TreeSize, message.RootHash.ToByteArray(), message.TimeUnixMillis), message.KeyId, message.Signature.ToByteArray());

    public static Proto.Cosignature ToMessage(Cosignature cosignature) => new()
    {
        WitnessId = cosignature.WitnessId,
        WitnessName = cosignature.WitnessName,
        TimeUnixMillis = cosignature.TimeMillis,
        Signature = ByteString.CopyFrom(cosignature.Signature),
    };

    public static Cosignature FromMessage(Proto.Cosignature message) =>
        new(message.WitnessId, message.WitnessName, message.TimeUnixMillis, message.Signature.ToByteArray());

    public static Proto.WitnessedCheckpoint ToMessage(WitnessedCheckpoint witnessed) => new()
    {
        Checkpoint = ToMessage(witnessed.Signed),
        Cosignatures = { ToMessage(witnessed.Cosignature) },
    };

    public static List<byte[]> Hashes(IEnumerable<ByteString> hashes) => [.. hashes.Select(h => h.ToByteArray())];

    public static IEnumerable<ByteString> ToMessage(IEnumerable<byte[]> hashes) => hashes.Select(ByteString.CopyFrom);
}

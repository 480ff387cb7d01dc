using Exchange.Files;
using System.Security.Cryptography;
using System.Text;
using Exchange.Transparency;
using Google.Protobuf;
using Proto = Exchange.Protos.Audit.V1;

namespace Exchange.Gateway.Audit.Transparency;

/// <summary>
/// What this gateway witnessed for other instances' logs: one small file per log in <c>Audit:WitnessDirectory</c>,
/// replaced atomically, deliberately outside the audit store, so a rewritten store cannot rewrite it too.
/// </summary>
internal sealed class FileWitnessLedger(string directory) : IWitnessLedger
{
    public WitnessedCheckpoint? Latest(string logId)
    {
        var path = PathOf(logId);
        if (!File.Exists(path))
            return null;
        var message = Proto.WitnessedCheckpoint.Parser.ParseFrom(File.ReadAllBytes(path));
        if (message.Checkpoint is null || message.Cosignatures.Count == 0)
            return null;
        return new WitnessedCheckpoint(CheckpointMessages.FromMessage(message.Checkpoint), CheckpointMessages.FromMessage(message.Cosignatures[0]));
    }

    public void Save(WitnessedCheckpoint witnessed)
    {
        AtomicFile.Write(PathOf(witnessed.Signed.Checkpoint.LogId), CheckpointMessages.ToMessage(witnessed).ToByteArray());
    }

    // Log ids are configuration text: hash them into a safe file name.
    private string PathOf(string logId) =>
        Path.Combine(directory, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(logId)))[..32] + ".checkpoint");
}

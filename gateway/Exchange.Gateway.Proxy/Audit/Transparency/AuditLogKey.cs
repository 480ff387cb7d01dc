using System.Security.Cryptography;
using Exchange.Transparency;
using Microsoft.Extensions.Options;

namespace Exchange.Gateway.Audit.Transparency;

/// <summary>The key that signs this log's checkpoints, and the log's id; its public half is written where witnesses are told to trust it.</summary>
internal sealed class AuditLogKey : IDisposable
{
    private readonly ECDsa _key;

    public AuditLogKey(IOptions<AuditOptions> options)
    {
        _key = TransparencyKey.LoadOrCreate(options.Value.SigningKeyPath, options.Value.TrustedLogKeysDirectory);
        LogId = options.Value.LogId;
        KeyId = TransparencyKey.IdOf(_key);
    }

    public string LogId { get; }

    public string KeyId { get; }

    public SignedCheckpoint Sign(long treeSize, byte[] root, DateTimeOffset time) =>
        TransparencyKey.Sign(_key, new Checkpoint(LogId, treeSize, root, time.ToUnixTimeMilliseconds()));

    public void Dispose() => _key.Dispose();
}

using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Exchange.Gateway.Audit;

/// <summary>
/// The hash chain of the audit log: hash = SHA-256(previous hash || canonical encoding of the record), hex. The
/// canonical encoding is every field in a fixed order — integers as 8 bytes big-endian, strings as a 4-byte
/// big-endian byte count and their UTF-8 bytes, lists as a 4-byte count and their strings — so it cannot be
/// read two ways and does not depend on any serialiser's choices. The same encoding without the previous hash is
/// the record's leaf in the Merkle tree of the transparency log: SHA-256(0x00 || sequence and record).
/// </summary>
public sealed class AuditChain
{
    /// <summary>The previous hash of the first record.</summary>
    public static readonly string GenesisHash = new('0', 64);

    private readonly ArrayBufferWriter<byte> _buffer = new(1024);

    /// <summary>Hashes one record. Not thread-safe: one instance per writer or verifier.</summary>
    public string Hash(string previousHash, long sequence, AuditEntry entry)
    {
        _buffer.ResetWrittenCount();
        var previous = _buffer.GetSpan(32);
        if (previousHash.Length != 64 || Convert.FromHexString(previousHash, previous[..32], out _, out _) != OperationStatus.Done)
            previous[..32].Clear();
        _buffer.Advance(32);
        WriteRecord(sequence, entry);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(_buffer.WrittenSpan, hash);
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>The record's Merkle leaf hash, SHA-256(0x00 || canonical encoding), hex. Not thread-safe, as <see cref="Hash"/>.</summary>
    public string LeafHash(long sequence, AuditEntry entry)
    {
        _buffer.ResetWrittenCount();
        _buffer.GetSpan(1)[0] = 0x00;
        _buffer.Advance(1);
        WriteRecord(sequence, entry);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(_buffer.WrittenSpan, hash);
        return Convert.ToHexStringLower(hash);
    }

    private void WriteRecord(long sequence, AuditEntry entry)
    {
        WriteInt64(sequence);
        WriteInt64(entry.TimeMicros);
        WriteString(entry.RequestId);
        WriteString(entry.Consumer);
        WriteString(entry.Provider);
        WriteString(entry.Resource);
        WriteString(entry.Method);
        WriteString(entry.HolderId);
        WriteInt32(entry.DataItems.Count);
        for (var i = 0; i < entry.DataItems.Count; i++)
            WriteString(entry.DataItems[i]);
        WriteString(entry.CaseNumber);
        WriteString(entry.Purpose);
        WriteString(entry.Status);
        WriteString(entry.StatusMessage);
        WriteInt64(entry.LatencyMicros);
    }

    private void WriteInt64(long value)
    {
        BinaryPrimitives.WriteInt64BigEndian(_buffer.GetSpan(8), value);
        _buffer.Advance(8);
    }

    private void WriteInt32(int value)
    {
        BinaryPrimitives.WriteInt32BigEndian(_buffer.GetSpan(4), value);
        _buffer.Advance(4);
    }

    private void WriteString(string value)
    {
        var count = Encoding.UTF8.GetByteCount(value);
        WriteInt32(count);
        Encoding.UTF8.GetBytes(value, _buffer.GetSpan(count));
        _buffer.Advance(count);
    }
}

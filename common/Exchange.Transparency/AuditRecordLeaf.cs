using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Exchange.Protos.Audit.V1;

namespace Exchange.Transparency;

/// <summary>
/// The Merkle leaf hash of an audit record as a verifier outside the gateway computes it from the record it was
/// shown: SHA-256(0x00 || canonical encoding), the encoding of the gateway's AuditChain (integers 8 bytes big-endian,
/// strings a 4-byte length and UTF-8, lists a 4-byte count and their strings, in field order).
/// </summary>
public static class AuditRecordLeaf
{
    public static byte[] Hash(AuditRecord record) => SHA256.HashData([0x00, .. Encode(record)]);

    /// <summary>The canonical encoding of the record (what the chain hash and the leaf hash cover).</summary>
    public static byte[] Encode(AuditRecord record)
    {
        var bytes = new List<byte>(512);
        Int64(bytes, record.Sequence);
        var time = record.Time ?? new Google.Protobuf.WellKnownTypes.Timestamp();
        Int64(bytes, time.Seconds * 1_000_000 + time.Nanos / 1000);
        String(bytes, record.RequestId);
        String(bytes, record.ConsumerDepartmentCode);
        String(bytes, record.ProviderDepartmentCode);
        String(bytes, record.ResourceCode);
        String(bytes, record.Method);
        String(bytes, record.HolderId);
        Int32(bytes, record.DataItems.Count);
        foreach (var item in record.DataItems)
            String(bytes, item);
        String(bytes, record.CaseNumber);
        String(bytes, record.Purpose);
        String(bytes, record.Status);
        String(bytes, record.StatusMessage);
        Int64(bytes, record.LatencyMicros);
        return [.. bytes];
    }

    private static void Int64(List<byte> bytes, long value)
    {
        Span<byte> buffer = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(buffer, value);
        bytes.AddRange(buffer);
    }

    private static void Int32(List<byte> bytes, int value)
    {
        Span<byte> buffer = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(buffer, value);
        bytes.AddRange(buffer);
    }

    private static void String(List<byte> bytes, string value)
    {
        var utf8 = Encoding.UTF8.GetBytes(value);
        Int32(bytes, utf8.Length);
        bytes.AddRange(utf8);
    }
}

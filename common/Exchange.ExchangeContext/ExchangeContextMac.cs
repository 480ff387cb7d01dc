using System.Security.Cryptography;
using Exchange.Protos.Context.V1;
using Google.Protobuf;

namespace Exchange.ExchangeContext;

/// <summary>
/// Seals exchange contexts with HMAC-SHA256 under the provider department's context key. A MAC (about a microsecond)
/// replaces the gateway's ECDSA signature (tens of microseconds per call on each side): with the gateway→provider hop
/// authenticated by mutual TLS, what the context needs is integrity and origin between two parties that share a key,
/// which a MAC gives; non-repudiation towards third parties, which only a signature gives, is the audit log's job.
/// </summary>
public static class ExchangeContextMac
{
    public const int Length = 32;

    /// <summary>The metadata value for <see cref="ExchangeMetadata.Context"/>.</summary>
    public static byte[] Seal(Protos.Context.V1.ExchangeContext context, ContextKey key)
    {
        var bytes = context.ToByteArray();
        return new SignedExchangeContext
        {
            Context = ByteString.CopyFrom(bytes),
            KeyId = key.KeyId,
            Mac = ByteString.CopyFrom(HMACSHA256.HashData(key.Key, bytes)),
        }.ToByteArray();
    }

    /// <summary>Whether <paramref name="mac"/> is the MAC of <paramref name="context"/> under <paramref name="key"/>, in constant time.</summary>
    public static bool IsValid(ContextKey key, ReadOnlySpan<byte> context, ReadOnlySpan<byte> mac)
    {
        if (mac.Length != Length)
            return false;
        Span<byte> expected = stackalloc byte[Length];
        HMACSHA256.HashData(key.Key, context, expected);
        return CryptographicOperations.FixedTimeEquals(expected, mac);
    }
}

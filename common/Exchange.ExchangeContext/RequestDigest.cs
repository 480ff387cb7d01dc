using System.Buffers;
using System.Security.Cryptography;

namespace Exchange.ExchangeContext;

/// <summary>SHA-256 of a request message's bytes as they travel in the gRPC frame (after the 5-byte prefix).</summary>
public static class RequestDigest
{
    public const int Length = 32;

    public static byte[] Of(ReadOnlySequence<byte> message)
    {
        if (message.IsSingleSegment)
            return SHA256.HashData(message.FirstSpan);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var segment in message)
            hash.AppendData(segment.Span);
        return hash.GetHashAndReset();
    }

    public static byte[] Of(ReadOnlySpan<byte> message) => SHA256.HashData(message);
}

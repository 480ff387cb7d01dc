using System.Buffers;
using System.Buffers.Binary;

namespace Exchange.ServiceDefaults.Grpc;

/// <summary>The 5-byte prefix of a gRPC length-prefixed message: compressed flag, then the big-endian message length.</summary>
public readonly record struct GrpcFrameHeader(byte Flag, uint MessageLength)
{
    public const int Length = 5;

    /// <summary>The flag says the message is compressed with the call's grpc-encoding.</summary>
    public bool Compressed => Flag == 1;

    /// <summary>
    /// Why the frame cannot be read whatever its message, or null. The gRPC wire format allows only 0 and 1 as the flag;
    /// a compressed message needs a grpc-encoding other than identity to say how.
    /// </summary>
    public string? Problem(string? encoding) => Flag switch
    {
        > 1 => $"The request message frame has compressed flag {Flag}; it must be 0 (uncompressed) or 1 (compressed with the grpc-encoding header).",
        1 when string.IsNullOrEmpty(encoding) || encoding == "identity" =>
            "The request message frame has compressed flag 1 but the call names no grpc-encoding; send it uncompressed (flag 0) or name the encoding.",
        _ => null,
    };

    /// <summary>The header at the start of <paramref name="body"/>, or null while fewer than 5 bytes are there.</summary>
    public static GrpcFrameHeader? Read(ReadOnlySequence<byte> body)
    {
        if (body.Length < Length)
            return null;
        Span<byte> header = stackalloc byte[Length];
        body.Slice(0, Length).CopyTo(header);
        return new GrpcFrameHeader(header[0], BinaryPrimitives.ReadUInt32BigEndian(header[1..]));
    }
}

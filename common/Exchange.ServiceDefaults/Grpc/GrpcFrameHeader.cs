using System.Buffers;
using System.Buffers.Binary;

namespace Exchange.ServiceDefaults.Grpc;

/// <summary>The 5-byte prefix of a gRPC length-prefixed message: compressed flag, then the big-endian message length.</summary>
public readonly record struct GrpcFrameHeader(bool Compressed, uint MessageLength)
{
    public const int Length = 5;

    /// <summary>The header at the start of <paramref name="body"/>, or null while fewer than 5 bytes are there.</summary>
    public static GrpcFrameHeader? Read(ReadOnlySequence<byte> body)
    {
        if (body.Length < Length)
            return null;
        Span<byte> header = stackalloc byte[Length];
        body.Slice(0, Length).CopyTo(header);
        return new GrpcFrameHeader(header[0] != 0, BinaryPrimitives.ReadUInt32BigEndian(header[1..]));
    }
}

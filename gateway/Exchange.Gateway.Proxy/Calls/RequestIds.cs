using System.Buffers.Binary;

namespace Exchange.Gateway.Calls;

/// <summary>
/// A call's request id: a UUID version 7 (48-bit Unix milliseconds, then 74 random bits), as 32 lower-case hex digits,
/// the form <c>Guid.CreateVersion7(time).ToString("N")</c> gives. Its random bits come from the user-space CSPRNG
/// (<see cref="RandomBlocks"/>):
/// <c>Guid.CreateVersion7</c> costs a <c>read()</c> of /dev/urandom per call on Linux (the portable runtime is built
/// without arc4random), a system call on every call through the gateway that the profile of issue 14 showed.
/// </summary>
internal static class RequestIds
{
    public static string New(DateTimeOffset time)
    {
        Span<byte> bytes = stackalloc byte[16];
        RandomBlocks.Fill(bytes[6..]);
        Span<byte> millis = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(millis, time.ToUnixTimeMilliseconds());
        millis[2..].CopyTo(bytes);
        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F)); // version 7
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F)); // variant 10
        return Convert.ToHexStringLower(bytes);
    }
}

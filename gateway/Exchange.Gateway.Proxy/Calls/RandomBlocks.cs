using System.Security.Cryptography;

namespace Exchange.Gateway.Calls;

/// <summary>
/// Random bytes from the CSPRNG (<see cref="RandomNumberGenerator"/>), drawn a block at a time per thread and handed out
/// once each: every draw from OpenSSL's generator checks for a fork with a <c>getpid</c> system call, 1.5–2 µs on the
/// bench VM, and a call through the gateway drew twice (request id, the context's one-time id). The bytes handed out
/// are cleared from the block, so none is given twice or kept after use.
/// </summary>
internal static class RandomBlocks
{
    private const int BlockSize = 4096;

    [ThreadStatic]
    private static byte[]? t_block;

    [ThreadStatic]
    private static int t_next;

    public static void Fill(Span<byte> destination)
    {
        if (destination.Length > BlockSize / 4)
        {
            RandomNumberGenerator.Fill(destination);
            return;
        }
        var block = t_block;
        if (block is null || BlockSize - t_next < destination.Length)
        {
            block = t_block ??= new byte[BlockSize];
            RandomNumberGenerator.Fill(block);
            t_next = 0;
        }
        var taken = block.AsSpan(t_next, destination.Length);
        taken.CopyTo(destination);
        taken.Clear();
        t_next += destination.Length;
    }

    public static byte[] GetBytes(int count)
    {
        var bytes = new byte[count];
        Fill(bytes);
        return bytes;
    }
}

using System.Net;
using System.Net.Sockets;

namespace Exchange.Testing;

/// <summary>
/// Hands out loopback ports that stay ours until a service binds them, even with test assemblies running side by side.
/// </summary>
/// <remarks>
/// A port the OS picks for <c>bind(0)</c> is free only at that instant: another test process, or any client socket's
/// local end, can take it before the service binds it (seen as "address already in use" in CI). So each test process
/// claims a block of ports below the OS's ephemeral range, where client sockets never land, by holding an exclusive
/// lock file for the block; the lock goes with the process, however it ends.
/// </remarks>
public static class LoopbackPort
{
    private const int BlockSize = 400;
    private const int FirstPort = 20_000;
    private const int BlockCount = 30;

    private static readonly Lock Gate = new();
    private static FileStream? _blockLock;
    private static int _blockStart;
    private static int _offset;

    /// <summary>A port free on 127.0.0.1 that no other test process is handed.</summary>
    public static int Next()
    {
        lock (Gate)
        {
            if (_blockLock is null && !TryClaimBlock())
                return AnyFreePort();
            for (var tried = 0; tried < BlockSize; tried++)
            {
                var port = _blockStart + _offset;
                _offset = (_offset + 1) % BlockSize;
                if (IsFree(port))
                    return port;
            }
            return AnyFreePort();
        }
    }

    private static bool TryClaimBlock()
    {
        var directory = Path.Combine(Path.GetTempPath(), "exchange-test-ports");
        Directory.CreateDirectory(directory);
        for (var block = 0; block < BlockCount; block++)
        {
            try
            {
                // FileShare.None takes an exclusive advisory lock (flock) on Unix; the OS drops it when the process dies.
                _blockLock = new FileStream(Path.Combine(directory, $"block-{block}.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                _blockStart = FirstPort + block * BlockSize;
                return true;
            }
            catch (IOException)
            {
                // Another test process holds this block.
            }
        }
        return false;
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int AnyFreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

using System.Net;
using System.Net.Sockets;

namespace Exchange.Testing;

public static class LoopbackPort
{
    /// <summary>A port free right now on 127.0.0.1; the OS does not hand it out again soon after.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

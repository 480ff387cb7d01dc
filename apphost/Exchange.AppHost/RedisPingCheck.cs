using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Exchange.AppHost;

/// <summary>Healthy once Redis answers PING with PONG (redis-server runs as a plain executable, with no HTTP to probe).</summary>
internal sealed class RedisPingCheck(string host, int port) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(host, port, cancellationToken);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray(), cancellationToken);
            var buffer = new byte[64];
            var read = await stream.ReadAsync(buffer, cancellationToken);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("Redis answered PING with something other than PONG.");
        }
        catch (SocketException exception)
        {
            return HealthCheckResult.Unhealthy($"Redis at {host}:{port} does not answer: {exception.SocketErrorCode}.");
        }
    }
}

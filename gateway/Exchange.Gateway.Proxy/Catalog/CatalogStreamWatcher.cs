using Exchange.Client;
using Grpc.Core;

namespace Exchange.Gateway.Catalog;

/// <summary>
/// Keeps one server stream to the catalog open for the life of the gateway: when it fails or ends, reconnects
/// with capped, jittered exponential backoff, and reports an outage once rather than on every attempt.
/// Subclasses open the stream and apply what it delivers.
/// </summary>
internal abstract class CatalogStreamWatcher(CatalogOptions options) : BackgroundService
{
    protected CatalogOptions Options { get; } = options;

    /// <summary>True while the stream is open and has delivered its snapshot.</summary>
    protected abstract bool IsConnected { get; }

    protected abstract void MarkDisconnected();

    /// <summary>Opens the stream and applies it until it ends.</summary>
    protected abstract Task WatchAsync(CancellationToken stoppingToken);

    /// <summary>The stream failed for the first time since it was last connected. <paramref name="unexpected"/> is set for failures other than the catalog being unreachable.</summary>
    protected abstract void ReportUnreachable(Exception? unexpected, string reason);

    protected abstract void ReportStillUnreachable(string reason);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        var reportedUnreachable = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await WatchAsync(stoppingToken);
                throw new RpcException(new Status(StatusCode.Unavailable, "the catalog ended the stream"));
            }
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                // Shutting down: the cancelled stream surfaces as RpcException(Cancelled) as well as OperationCanceledException.
                return;
            }
            catch (Exception ex)
            {
                var wasConnected = IsConnected;
                MarkDisconnected();
                if (wasConnected)
                    failures = 0;
                if (wasConnected || !reportedUnreachable)
                {
                    // A transport failure is expected while the catalog is down; anything else deserves its stack trace.
                    var unexpected = ex is RpcException or IOException or HttpRequestException or ExchangeTokenException ? null : ex;
                    ReportUnreachable(unexpected, Reason(ex));
                    reportedUnreachable = true;
                }
                else
                {
                    ReportStillUnreachable(Reason(ex));
                }
            }

            try
            {
                await Task.Delay(ReconnectDelay(failures++), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private TimeSpan ReconnectDelay(int failures)
    {
        var initial = Options.InitialReconnectDelay.TotalMilliseconds;
        var capped = Math.Min(Options.MaxReconnectDelay.TotalMilliseconds, initial * Math.Pow(2, Math.Min(failures, 30)));
        // Jitter keeps a fleet of gateways from reconnecting to a restarted catalog in lockstep.
        return TimeSpan.FromMilliseconds(capped * (0.8 + Random.Shared.NextDouble() * 0.4));
    }

    private static string Reason(Exception exception)
    {
        var cause = exception is RpcException rpc ? rpc.Status.DebugException : exception.InnerException;
        while (cause?.InnerException is not null)
            cause = cause.InnerException;
        var summary = exception is RpcException status ? $"{status.StatusCode}: {status.Status.Detail}" : exception.Message;
        return cause is null || summary.Contains(cause.Message, StringComparison.Ordinal) ? summary : $"{summary} {cause.Message}";
    }
}

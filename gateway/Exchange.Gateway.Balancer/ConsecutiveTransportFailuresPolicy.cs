using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.Model;

namespace Exchange.Gateway.Balancer;

/// <summary>
/// Passive health that takes an instance out after a few transport failures in a row (cluster metadata
/// <c>ConsecutiveTransportFailures.Threshold</c>, 3 by default) until the cluster's reactivation period has passed.
/// YARP's own TransportFailureRate policy judges a rate over a window: after thousands of successes a dead instance
/// stays in for seconds while every new call to it fails. A success resets the count; a failure the caller caused
/// (it cancelled, or its own stream broke) does not count.
/// </summary>
internal sealed partial class ConsecutiveTransportFailuresPolicy(IDestinationHealthUpdater healthUpdater, ILogger<ConsecutiveTransportFailuresPolicy> logger)
    : IPassiveHealthCheckPolicy
{
    public const string PolicyName = "ConsecutiveTransportFailures";
    public const string ThresholdMetadata = "ConsecutiveTransportFailures.Threshold";
    private const int DefaultThreshold = 3;
    private static readonly TimeSpan DefaultReactivationPeriod = TimeSpan.FromSeconds(10);

    private readonly ConditionalWeakTable<DestinationState, FailureCount> _counts = [];

    public string Name => PolicyName;

    public void RequestProxied(HttpContext context, ClusterState cluster, DestinationState destination)
    {
        var count = _counts.GetValue(destination, _ => new FailureCount());
        var error = context.Features.Get<IForwarderErrorFeature>()?.Error ?? ForwarderError.None;
        if (!IsTransportFailure(error))
        {
            if (error == ForwarderError.None)
                Interlocked.Exchange(ref count.Value, 0);
            return;
        }

        var failures = Interlocked.Increment(ref count.Value);
        if (failures != ThresholdOf(cluster))
            return;
        var reactivation = cluster.Model.Config.HealthCheck?.Passive?.ReactivationPeriod ?? DefaultReactivationPeriod;
        LogTakenOut(logger, destination.DestinationId, failures, error, reactivation.TotalSeconds);
        healthUpdater.SetPassive(cluster, destination, DestinationHealth.Unhealthy, reactivation);
        // Counted afresh once it is back, so a still-dead instance is out again after as many failures.
        Interlocked.Exchange(ref count.Value, 0);
    }

    /// <summary>Failures on the instance's side of the connection.</summary>
    internal static bool IsTransportFailure(ForwarderError error) => error is ForwarderError.Request or ForwarderError.RequestTimedOut
        or ForwarderError.RequestBodyDestination or ForwarderError.ResponseHeaders or ForwarderError.ResponseBodyDestination
        or ForwarderError.UpgradeRequestDestination or ForwarderError.UpgradeResponseDestination;

    private static int ThresholdOf(ClusterState cluster) =>
        cluster.Model.Config.Metadata?.TryGetValue(ThresholdMetadata, out var text) == true
        && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var threshold) && threshold > 0
            ? threshold
            : DefaultThreshold;

    private sealed class FailureCount
    {
        public int Value;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Instance {Destination} taken out after {Failures} transport failures in a row (last {Error}); offered calls again in {Seconds} s.")]
    private static partial void LogTakenOut(ILogger logger, string destination, int failures, ForwarderError error, double seconds);
}

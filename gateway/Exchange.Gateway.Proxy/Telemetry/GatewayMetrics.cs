using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Exchange.Gateway.Telemetry;

/// <summary>
/// The gateway's own instruments (meter <c>Exchange.Gateway</c>, exported with the rest by the service defaults): calls and
/// their duration per consumer, provider, resource and final gRPC status, as audited; licence cache lookups by where the
/// answer came from (hit ratio = hit / all); and how long a call waits for its audit record to be durable (group commit).
/// </summary>
internal sealed class GatewayMetrics
{
    public const string MeterName = "Exchange.Gateway";

    private static readonly double[] CallBuckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
    private static readonly double[] AuditBuckets = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1];

    private readonly Counter<long> _calls;
    private readonly Histogram<double> _callDuration;
    private readonly Counter<long> _licenceCacheLookups;
    private readonly Histogram<double> _auditWriteDuration;

    public GatewayMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _calls = meter.CreateCounter<long>("exchange.gateway.calls", "{call}",
            "Calls through the gateway by consumer, provider, resource and final gRPC status.");
        _callDuration = meter.CreateHistogram("exchange.gateway.call.duration", "s",
            "Time from a call's arrival to its final status, before its audit record is written.",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = CallBuckets });
        _licenceCacheLookups = meter.CreateCounter<long>("exchange.gateway.licence_cache.lookups", "{lookup}",
            "Licence cache lookups by lookup (licence, holder) and result (hit, miss, joined, bypass).");
        _auditWriteDuration = meter.CreateHistogram("exchange.gateway.audit.write.duration", "s",
            "Time from handing an audit record to the group-commit writer until it is durable.",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = AuditBuckets });
    }

    public void CallEnded(string consumer, string provider, string resource, string status, TimeSpan duration)
    {
        var tags = new TagList
        {
            { "consumer", consumer },
            { "provider", provider },
            { "resource", resource },
            { "status", status },
        };
        _calls.Add(1, in tags);
        _callDuration.Record(duration.TotalSeconds, in tags);
    }

    public void LicenceCacheLookup(string lookup, string result) =>
        _licenceCacheLookups.Add(1, new KeyValuePair<string, object?>("lookup", lookup), new KeyValuePair<string, object?>("result", result));

    public void AuditRecordDurable(TimeSpan waited) => _auditWriteDuration.Record(waited.TotalSeconds);
}

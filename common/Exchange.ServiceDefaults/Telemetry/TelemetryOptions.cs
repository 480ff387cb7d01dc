using OpenTelemetry.Exporter;

namespace Exchange.ServiceDefaults.Telemetry;

/// <summary>Where a service's traces and metrics go (section <c>Telemetry</c>); validated at start.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>Serve the metrics in the Prometheus text format at <see cref="PrometheusPath"/>, on every endpoint of the service.</summary>
    public bool PrometheusEnabled { get; set; } = true;

    public string PrometheusPath { get; set; } = "/metrics";

    /// <summary>
    /// OpenTelemetry collector receiving traces and metrics. Unset: the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (with the
    /// other standard <c>OTEL_EXPORTER_OTLP_*</c> settings) when that is set, otherwise no OTLP export.
    /// </summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>Protocol for <see cref="OtlpEndpoint"/>: <c>Grpc</c> (collector port 4317) or <c>HttpProtobuf</c> (4318).</summary>
    public OtlpExportProtocol OtlpProtocol { get; set; } = OtlpExportProtocol.Grpc;

    /// <summary>Fraction of new traces sampled; a request arriving with a <c>traceparent</c> follows its caller's decision.</summary>
    public double TraceSampleRatio { get; set; } = 1.0;
}

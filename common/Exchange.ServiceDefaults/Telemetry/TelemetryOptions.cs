using System.ComponentModel.DataAnnotations;
using Exchange.ServiceDefaults.Options;
using Microsoft.Extensions.Options;
using OpenTelemetry.Exporter;

namespace Exchange.ServiceDefaults.Telemetry;

/// <summary>Where a service's traces and metrics go (section <c>Telemetry</c>); validated at start.</summary>
public sealed class TelemetryOptions : IValidatableObject
{
    public const string Section = "Telemetry";

    /// <summary>Serve the metrics in the Prometheus text format at <see cref="PrometheusPath"/>, on every endpoint of the service.</summary>
    public bool PrometheusEnabled { get; set; } = true;

    [Required(ErrorMessage = PrometheusPathMessage)]
    public string PrometheusPath { get; set; } = "/metrics";

    /// <summary>
    /// OpenTelemetry collector receiving traces and metrics. Unset: the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (with the
    /// other standard <c>OTEL_EXPORTER_OTLP_*</c> settings) when that is set, otherwise no OTLP export.
    /// </summary>
    [HttpUrl(ErrorMessage = "Telemetry:OtlpEndpoint must be an absolute http:// or https:// URL.")]
    public string? OtlpEndpoint { get; set; }

    /// <summary>Protocol for <see cref="OtlpEndpoint"/>: <c>Grpc</c> (collector port 4317) or <c>HttpProtobuf</c> (4318).</summary>
    [EnumDataType(typeof(OtlpExportProtocol), ErrorMessage = "Telemetry:OtlpProtocol must be Grpc or HttpProtobuf.")]
    public OtlpExportProtocol OtlpProtocol { get; set; } = OtlpExportProtocol.Grpc;

    /// <summary>Fraction of new traces sampled; a request arriving with a <c>traceparent</c> follows its caller's decision.</summary>
    [NumberRange(0.0, 1.0, ErrorMessage = "Telemetry:TraceSampleRatio must be between 0 and 1.")]
    public double TraceSampleRatio { get; set; } = 1.0;

    /// <summary>
    /// Meters collected beside Exchange's own and ASP.NET Core's request metrics, by name (wildcards allowed), for example
    /// <c>System.Net.Http</c>, <c>Microsoft.AspNetCore.Server.Kestrel</c>, <c>System.Runtime</c>. None by default: each
    /// costs every call its updates.
    /// </summary>
    public List<string> AdditionalMeters { get; set; } = [];

    private const string PrometheusPathMessage = "Telemetry:PrometheusPath must be a path starting with '/', such as /metrics.";

    /// <summary>A path Kestrel can route: '/' and more, no spaces, no query.</summary>
    internal static bool IsPath(string? value) => value is { Length: > 1 } && value[0] == '/' && !value.Any(char.IsWhiteSpace) && !value.Contains('?');

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrEmpty(PrometheusPath) && !IsPath(PrometheusPath))
            yield return new ValidationResult(PrometheusPathMessage, [nameof(PrometheusPath)]);
    }
}

[OptionsValidator]
internal sealed partial class TelemetryOptionsValidator : IValidateOptions<TelemetryOptions>;

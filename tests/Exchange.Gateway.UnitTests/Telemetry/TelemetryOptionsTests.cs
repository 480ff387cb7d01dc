using Exchange.ServiceDefaults.Telemetry;

namespace Exchange.Gateway.UnitTests.Telemetry;

/// <summary>The service defaults' telemetry settings (common/Exchange.ServiceDefaults), part of every service's start-up.</summary>
public sealed class TelemetryOptionsTests
{
    private static readonly TelemetryOptionsValidator Validator = new();

    [Fact]
    public void Defaults_and_a_collector_are_valid() =>
        OptionsAssert.Valid(Validator, new TelemetryOptions { OtlpEndpoint = "http://127.0.0.1:4317" });

    [Fact]
    public void Each_bad_setting_names_its_key()
    {
        OptionsAssert.Fails(Validator, new TelemetryOptions { PrometheusPath = "metrics" }, "Telemetry:PrometheusPath must be a path starting with '/', such as /metrics.");
        OptionsAssert.Fails(Validator, new TelemetryOptions { OtlpEndpoint = "collector:4317" }, "Telemetry:OtlpEndpoint must be an absolute http:// or https:// URL.");
        OptionsAssert.Fails(Validator, new TelemetryOptions { OtlpProtocol = (OpenTelemetry.Exporter.OtlpExportProtocol)7 }, "Telemetry:OtlpProtocol must be Grpc or HttpProtobuf.");
        OptionsAssert.Fails(Validator, new TelemetryOptions { TraceSampleRatio = 1.5 }, "Telemetry:TraceSampleRatio must be between 0 and 1.");
    }
}

using Exchange.ServiceDefaults.Options;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Exchange.ServiceDefaults.Telemetry;

/// <summary>
/// OpenTelemetry for every service: traces of incoming requests (ASP.NET Core) and outgoing ones (HttpClient, which YARP
/// and the gRPC clients use, so the W3C <c>traceparent</c> goes on to the next service) and of every <c>Exchange.*</c>
/// ActivitySource (the gateway's steps among them); metrics of every <c>Exchange.*</c> meter, ASP.NET Core's request metrics
/// and the meters named in <see cref="TelemetryOptions.AdditionalMeters"/>; and the structured logs. Exported as
/// <see cref="TelemetryOptions"/> say: a Prometheus scrape endpoint, OTLP, both or neither.
/// </summary>
public static class TelemetryExtensions
{
    /// <summary>Exchange's own ActivitySources and Meters are named <c>Exchange.&lt;Service&gt;</c>; every one is collected.</summary>
    public const string ExchangeSources = "Exchange.*";

    /// <summary>The standard OpenTelemetry setting, used when <c>Telemetry:OtlpEndpoint</c> is not set.</summary>
    public const string StandardOtlpEndpoint = "OTEL_EXPORTER_OTLP_ENDPOINT";

    private const string StandardServiceName = "OTEL_SERVICE_NAME";

    private const string DefaultScrapePath = "/metrics";

    /// <summary>ASP.NET Core's meter of <c>http.server.request.duration</c> and <c>http.server.active_requests</c>.</summary>
    public const string RequestMetricsMeter = "Microsoft.AspNetCore.Hosting";

    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(TelemetryOptions.Section);
        builder.Services.AddValidatedOptions<TelemetryOptions, TelemetryOptionsValidator>(section);

        // What to export is decided here, from the same settings; bad ones are refused at start (ValidateOnStart), so the
        // fallbacks below only keep the builder from throwing something less clear first.
        var options = section.Get<TelemetryOptions>() ?? new TelemetryOptions();
        var otlpEndpoint = IsHttpUrl(options.OtlpEndpoint) ? new Uri(options.OtlpEndpoint!) : null;
        var standardOtlp = string.IsNullOrWhiteSpace(options.OtlpEndpoint) && !string.IsNullOrWhiteSpace(builder.Configuration[StandardOtlpEndpoint]);
        var sampleRatio = options.TraceSampleRatio is >= 0 and <= 1 ? options.TraceSampleRatio : 1.0;
        var scrapePath = new PathString(TelemetryOptions.IsPath(options.PrometheusPath) ? options.PrometheusPath : DefaultScrapePath);

        // Run by the AppHost, a service is named as its resource there (OTEL_SERVICE_NAME, with its instance id in
        // OTEL_RESOURCE_ATTRIBUTES), so the dashboard matches its telemetry to it; alone, by its assembly.
        var namedByEnvironment = !string.IsNullOrWhiteSpace(builder.Configuration[StandardServiceName]);
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource =>
            {
                if (!namedByEnvironment)
                    resource.AddService(builder.Environment.ApplicationName);
            });
        // Without an exporter nobody would see a span, so none is listened to: every sampled span costs each call its
        // allocations and timings (in the gateway a server span, six step spans and a client span), to be dropped.
        if (otlpEndpoint is not null || standardOtlp)
        {
            telemetry.WithTracing(tracing =>
            {
                tracing.SetSampler(new ParentBasedSampler(new TraceIdRatioBasedSampler(sampleRatio)))
                    .AddSource(ExchangeSources)
                    .AddAspNetCoreInstrumentation(aspNetCore => aspNetCore.Filter = context => !IsHousekeeping(context.Request.Path, scrapePath))
                    .AddHttpClientInstrumentation();
                if (otlpEndpoint is not null)
                    tracing.AddOtlpExporter(otlp => Target(otlp, otlpEndpoint, options.OtlpProtocol, "v1/traces"));
                else
                    tracing.AddOtlpExporter();
            });
        }
        telemetry
            .WithLogging(logging =>
            {
                // Structured logs go where the traces go (the dashboard's log view), beside the console.
                if (otlpEndpoint is not null)
                    logging.AddOtlpExporter(otlp => Target(otlp, otlpEndpoint, options.OtlpProtocol, "v1/logs"));
                else if (standardOtlp)
                    logging.AddOtlpExporter();
            }, logging => logging.IncludeScopes = true)
            .WithMetrics(metrics =>
            {
                // Of the framework's meters only ASP.NET Core's request metrics are read (dashboards, TelemetryTests); every
                // other one (Kestrel, routing, HttpClient, the runtime) costs each call its updates, so it is an operator's choice.
                metrics.AddMeter(ExchangeSources)
                    .AddMeter(RequestMetricsMeter)
                    .AddMeter([.. options.AdditionalMeters]);
                if (options.PrometheusEnabled)
                    metrics.AddPrometheusExporter();
                if (otlpEndpoint is not null)
                    metrics.AddOtlpExporter(otlp => Target(otlp, otlpEndpoint, options.OtlpProtocol, "v1/metrics"));
                else if (standardOtlp)
                    metrics.AddOtlpExporter();
            });
        return builder;
    }

    /// <summary>Maps the Prometheus scrape endpoint (when enabled) on every endpoint of the service, without authentication.</summary>
    public static WebApplication MapTelemetryEndpoints(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<TelemetryOptions>>().Value;
        if (options.PrometheusEnabled)
            app.MapPrometheusScrapingEndpoint(options.PrometheusPath);
        return app;
    }

    private static void Target(OtlpExporterOptions otlp, Uri endpoint, OtlpExportProtocol protocol, string signalPath)
    {
        otlp.Protocol = protocol;
        // Over HTTP a collector takes each signal on its own path (the standard variables add it themselves); gRPC has one endpoint.
        otlp.Endpoint = protocol == OtlpExportProtocol.HttpProtobuf ? new Uri(endpoint.AbsoluteUri.TrimEnd('/') + "/" + signalPath) : endpoint;
    }

    /// <summary>Probes and scrapes are not worth a trace each.</summary>
    private static bool IsHousekeeping(PathString path, PathString scrapePath) =>
        path.StartsWithSegments(scrapePath) || path.StartsWithSegments("/health") || path.StartsWithSegments("/grpc.health.v1.Health");

    private static bool IsHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}

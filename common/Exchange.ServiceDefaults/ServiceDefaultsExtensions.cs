using Exchange.ServiceDefaults.Errors;
using Exchange.ServiceDefaults.Grpc;
using Exchange.ServiceDefaults.Health;
using Exchange.ServiceDefaults.Telemetry;
using Exchange.ServiceDefaults.Tls;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Exchange.ServiceDefaults;

public static class ServiceDefaultsExtensions
{
    /// <summary>
    /// Turns on what every Exchange service shares: single-line structured console logs, HTTP/2 over TLS
    /// on every endpoint (section <c>Tls</c>; h2c only behind <c>Tls:AllowPlaintext</c>) unless configured otherwise, gRPC with error mapping, health checks and reflection, and
    /// OpenTelemetry traces and metrics (<see cref="TelemetryExtensions.AddTelemetry"/>, section <c>Telemetry</c>).
    /// </summary>
    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder)
    {
        builder.Logging.AddSimpleConsole(options =>
        {
            options.SingleLine = true;
            options.TimestampFormat = "HH:mm:ss.fff ";
            options.IncludeScopes = true;
        });

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.ConfigureEndpointDefaults(endpoint => endpoint.Protocols = HttpProtocols.Http2);
            kestrel.AddServerHeader = false;
        });
        builder.AddTransportSecurity();

        builder.Services.AddGrpc(options =>
        {
            options.Interceptors.Add<RpcErrorInterceptor>();
            options.MaxReceiveMessageSize = 1024 * 1024;
        });
        builder.Services.AddGrpcReflection();
        builder.Services.AddGrpcHealthChecks();
        // The process answering at all is the liveness signal; services add checks of their real dependencies.
        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), tags: ["live"]);
        builder.AddTelemetry();
        return builder;
    }

    /// <summary>
    /// The steps every service runs before anything reads a request: a caller without the required client certificate
    /// gets no further, and a gRPC request whose message cannot be read is INVALID_ARGUMENT
    /// (<see cref="RequestMessageValidation"/>).
    /// </summary>
    public static WebApplication UseServiceDefaults(this WebApplication app)
    {
        app.UseClientCertificateGate();
        app.UseMiddleware<RequestMessageValidation>();
        return app;
    }

    /// <summary>
    /// Maps the gRPC health protocol, server reflection, the HTTP liveness and readiness probes and the Prometheus
    /// scrape endpoint (<c>/metrics</c> unless configured otherwise).
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapGrpcHealthChecksService();
        app.MapGrpcReflectionService();
        // Liveness is the process alone (tag "live"): a failed dependency must take an instance out of service, not restart it.
        app.MapHealthChecks("/health/live", new() { Predicate = check => check.Tags.Contains("live"), ResponseWriter = HealthReportWriter.WriteAsync });
        app.MapHealthChecks("/health/ready", new() { ResponseWriter = HealthReportWriter.WriteAsync });
        app.MapTelemetryEndpoints();
        return app;
    }
}

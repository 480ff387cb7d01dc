using System.Reflection;
using Exchange.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Exchange.AppHost;

/// <summary>
/// One Exchange service as an AppHost resource: its built assembly run with <c>dotnet</c> in the working directory (the
/// services keep their stores in <c>.data/</c> relative to it, as with <c>scripts/exchange</c>), its endpoints on the
/// port map, traces, metrics and logs to the dashboard, and ready once its <c>/health/ready</c> answers.
/// </summary>
internal static class ExchangeServices
{
    private static readonly string Configuration =
        typeof(ExchangeServices).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    public static IResourceBuilder<ExecutableResource> AddExchangeService(
        this IDistributedApplicationBuilder builder, string name, IProjectMetadata project, AppHostOptions options)
    {
        var projectDirectory = Path.GetDirectoryName(project.ProjectPath)!;
        var assembly = Path.Combine(projectDirectory, "bin", Configuration, "net10.0", Path.GetFileNameWithoutExtension(project.ProjectPath) + ".dll");
        var service = builder.AddExecutable(name, "dotnet", options.WorkingDirectory!, assembly)
            .WithEnvironment("DOTNET_ENVIRONMENT", "Production");
        return options.OtlpEndpoint is { } otlp
            ? service
                .WithEnvironment("OTEL_EXPORTER_OTLP_ENDPOINT", otlp)
                .WithEnvironment("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf")
                .WithEnvironment("OTEL_SERVICE_NAME", name)
                .WithEnvironment("OTEL_BSP_SCHEDULE_DELAY", "500")
            : service.WithOtlpExporter();
    }

    /// <summary>
    /// An endpoint of the service on a port of the map (TLS with the service's own certificate from the exchange CA);
    /// <paramref name="probe"/> makes its /health/ready the readiness probe. Declared as plain TCP: an "https" endpoint
    /// makes Aspire look for an ASP.NET Core development certificate nothing here uses, and warn in the dashboard that
    /// none is trusted. The pages people open are links of their own (<c>WithUrl</c>).
    /// </summary>
    public static IResourceBuilder<ExecutableResource> WithExchangeEndpoint(
        this IResourceBuilder<ExecutableResource> service, string name, int port, bool probe = false)
    {
        service.WithEndpoint(port: port, scheme: "tcp", name: name, isProxied: false);
        if (!probe)
            return service;
        var check = $"{service.Resource.Name}-ready";
        var probeUri = new Uri($"https://{ExchangePorts.Host}:{port}/health/ready");
        service.ApplicationBuilder.Services.AddHealthChecks()
            .Add(new HealthCheckRegistration(check, services => new ServiceReadyCheck(services.GetRequiredService<ProbeClient>().Http, probeUri), null, null));
        return service.WithHealthCheck(check);
    }

    /// <summary>The one HttpClient of every readiness probe, trusting the exchange CA.</summary>
    public static IDistributedApplicationBuilder AddProbeClient(this IDistributedApplicationBuilder builder, string caCertificatePath)
    {
        builder.Services.AddSingleton(new ProbeClient(ServiceReadyCheck.CreateClient(caCertificatePath)));
        return builder;
    }

    public static string Https(this AppHostOptions options, int port) => ExchangePorts.Https(port, options.PortOffset).ToString().TrimEnd('/');
}

internal sealed record ProbeClient(HttpClient Http);

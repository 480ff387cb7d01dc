using Exchange.ServiceDefaults.Options;
using Exchange.ServiceDefaults.Tls;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Yarp.ReverseProxy.Health;

namespace Exchange.Gateway.Balancer;

public static class GatewayBalancerExtensions
{
    public const string Section = "ReverseProxy";

    /// <summary>
    /// A JSON file holding <c>ReverseProxy:Clusters:gateways:Destinations</c>, read again whenever it changes: an instance
    /// joins or leaves the balancer without a restart of it or of the other instances.
    /// </summary>
    public const string DestinationsFileKey = "Balancer:DestinationsFile";

    /// <summary>
    /// YARP configured from the <c>ReverseProxy</c> section: one catch-all route to the cluster of gateway instances,
    /// with its load-balancing policy and health checks. Refuses to start without a destination, since a balancer with
    /// nothing behind it would answer every call UNAVAILABLE and look healthy doing so.
    /// </summary>
    public static WebApplicationBuilder AddGatewayBalancer(this WebApplicationBuilder builder)
    {
        builder.Logging.AddSimpleConsole(options =>
        {
            options.SingleLine = true;
            options.TimestampFormat = "HH:mm:ss.fff ";
        });
        // gRPC callers speak HTTP/2 over TLS, as to a gateway itself, and so does the balancer to the instances.
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.ConfigureEndpointDefaults(endpoint => endpoint.Protocols = HttpProtocols.Http2);
            kestrel.AddServerHeader = false;
        });
        builder.AddTransportSecurity();
        if (builder.Configuration[DestinationsFileKey] is { Length: > 0 } destinationsFile)
            builder.Configuration.AddJsonFile(Path.GetFullPath(destinationsFile), optional: false, reloadOnChange: true);

        var section = builder.Configuration.GetSection(Section);
        var destinations = section.GetSection("Clusters:gateways:Destinations").GetChildren()
            .Where(d => !string.IsNullOrWhiteSpace(d["Address"]))
            .ToList();
        if (destinations.Count == 0)
            throw new InvalidOperationException(
                "No gateway instance to balance over: set ReverseProxy:Clusters:gateways:Destinations:<name>:Address, for example --ReverseProxy:Clusters:gateways:Destinations:gateway-1:Address=https://127.0.0.1:7101, or name a file of them in Balancer:DestinationsFile.");

        builder.Services.AddValidatedOptions<FailoverOptions, FailoverOptionsValidator>(FailoverOptions.Section);
        builder.Services.AddReverseProxy()
            .LoadFromConfig(section)
            .AddConfigFilter<DestinationAddressFilter>();
        builder.Services.AddSingleton<Yarp.ReverseProxy.Forwarder.IForwarderHttpClientFactory, InstanceHttpClientFactory>();
        builder.Services.AddSingleton<IPassiveHealthCheckPolicy, ConsecutiveTransportFailuresPolicy>();
        return builder;
    }

    /// <summary>
    /// The proxy pipeline: a call that could not connect to one instance goes to another, then YARP's own steps, with
    /// passive health judging every attempt (so the failed attempt counts against its instance).
    /// </summary>
    public static WebApplication MapGatewayBalancer(this WebApplication app)
    {
        app.MapReverseProxy(pipeline =>
        {
            pipeline.UseMiddleware<ConnectFailoverMiddleware>();
            pipeline.UseSessionAffinity();
            pipeline.UseLoadBalancing();
            pipeline.UsePassiveHealthChecks();
        });
        return app;
    }
}

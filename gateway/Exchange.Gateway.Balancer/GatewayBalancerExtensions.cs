using Exchange.ServiceDefaults.Tls;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Yarp.ReverseProxy.Health;

namespace Exchange.Gateway.Balancer;

public static class GatewayBalancerExtensions
{
    public const string Section = "ReverseProxy";
    public const string PassiveHealthSection = "Balancer:TransportFailureRate";

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
        var allowPlaintext = builder.Configuration.GetValue<bool>("Tls:AllowPlaintext");

        var section = builder.Configuration.GetSection(Section);
        var destinations = section.GetSection("Clusters:gateways:Destinations").GetChildren()
            .Where(d => !string.IsNullOrWhiteSpace(d["Address"]))
            .ToList();
        if (destinations.Count == 0)
            throw new InvalidOperationException(
                "No gateway instance to balance over: set ReverseProxy:Clusters:gateways:Destinations:<name>:Address, for example --ReverseProxy:Clusters:gateways:Destinations:gateway-1:Address=https://127.0.0.1:7101.");
        foreach (var destination in destinations)
        {
            if (!Uri.TryCreate(destination["Address"], UriKind.Absolute, out var address)
                || !(address.Scheme == Uri.UriSchemeHttps || (allowPlaintext && address.Scheme == Uri.UriSchemeHttp)))
                throw new InvalidOperationException($"ReverseProxy:Clusters:gateways:Destinations:{destination.Key}:Address must be an absolute https:// address (http:// only with Tls:AllowPlaintext=true).");
        }

        builder.Services.AddReverseProxy().LoadFromConfig(section);
        builder.Services.AddSingleton<Yarp.ReverseProxy.Forwarder.IForwarderHttpClientFactory, InstanceHttpClientFactory>();
        // The passive policy re-judges a destination on every call by its failure rate over this window, so the window
        // also bounds how long a restarted instance stays out after the failures that took it out.
        builder.Services.Configure<TransportFailureRateHealthPolicyOptions>(builder.Configuration.GetSection(PassiveHealthSection));
        return builder;
    }
}

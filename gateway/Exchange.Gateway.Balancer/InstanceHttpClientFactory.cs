using Exchange.ServiceDefaults.Tls;
using Yarp.ReverseProxy.Forwarder;

namespace Exchange.Gateway.Balancer;

/// <summary>Connections to the gateway instances (calls and active health probes): TLS trusting only the exchange CA.</summary>
internal sealed class InstanceHttpClientFactory(TransportSecurity tls, ILogger<ForwarderHttpClientFactory> logger)
    : ForwarderHttpClientFactory(logger)
{
    protected override void ConfigureHandler(ForwarderHttpClientContext context, SocketsHttpHandler handler)
    {
        base.ConfigureHandler(context, handler);
        tls.Secure(handler);
    }
}

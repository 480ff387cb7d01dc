using Exchange.ServiceDefaults.Tls;
using Yarp.ReverseProxy.Forwarder;

namespace Exchange.Gateway.Routing;

/// <summary>
/// YARP's connections to the providers: mutual TLS, presenting the gateway's client certificate (an adapter accepts
/// no other) and trusting only the exchange CA, whatever a cluster's own TLS settings say.
/// </summary>
internal sealed class ProviderHttpClientFactory(TransportSecurity tls, ILogger<ForwarderHttpClientFactory> logger)
    : ForwarderHttpClientFactory(logger)
{
    protected override void ConfigureHandler(ForwarderHttpClientContext context, SocketsHttpHandler handler)
    {
        base.ConfigureHandler(context, handler);
        tls.Secure(handler);
    }
}

using Exchange.ServiceDefaults.Tls;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.Options;

namespace Exchange.Gateway.Catalog;

/// <summary>The one gRPC channel to the catalog, shared by every stream the gateway keeps open to it.</summary>
public sealed class CatalogChannel : IDisposable
{
    public CatalogChannel(IOptions<CatalogOptions> options, TransportSecurity tls)
    {
        var address = tls.RequireSecure(options.Value.Address, "Catalog:Address");
        Channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            HttpHandler = tls.Secure(new SocketsHttpHandler
            {
                ConnectTimeout = TimeSpan.FromSeconds(5),
                // A catalog host that vanishes without closing the connection would otherwise leave the
                // streams silently open and routes and grants stale.
                KeepAlivePingDelay = TimeSpan.FromSeconds(15),
                KeepAlivePingTimeout = TimeSpan.FromSeconds(10),
                KeepAlivePingPolicy = HttpKeepAlivePingPolicy.Always,
                EnableMultipleHttp2Connections = true,
            }),
            // The grant watch carries the gateway's bearer token, over plaintext only behind Tls:AllowPlaintext.
            UnsafeUseInsecureChannelCallCredentials = address.Scheme != Uri.UriSchemeHttps,
        });
    }

    public GrpcChannel Channel { get; }

    public void Dispose() => Channel.Dispose();
}

using Yarp.ReverseProxy.Configuration;

namespace Exchange.Gateway.Balancer;

/// <summary>
/// Checks every instance address on each configuration load, the first and every reload: YARP keeps serving the last
/// good configuration when a reload fails here, so a mistyped http:// address in an edited destinations file cannot
/// send calls in clear text.
/// </summary>
internal sealed class DestinationAddressFilter(IConfiguration configuration) : IProxyConfigFilter
{
    public ValueTask<ClusterConfig> ConfigureClusterAsync(ClusterConfig cluster, CancellationToken cancel)
    {
        var allowPlaintext = configuration.GetValue<bool>("Tls:AllowPlaintext");
        foreach (var (name, destination) in cluster.Destinations ?? new Dictionary<string, DestinationConfig>())
        {
            if (!Uri.TryCreate(destination.Address, UriKind.Absolute, out var address)
                || !(address.Scheme == Uri.UriSchemeHttps || (allowPlaintext && address.Scheme == Uri.UriSchemeHttp)))
                throw new InvalidOperationException(
                    $"ReverseProxy:Clusters:{cluster.ClusterId}:Destinations:{name}:Address must be an absolute https:// address (http:// only with Tls:AllowPlaintext=true).");
        }
        return ValueTask.FromResult(cluster);
    }

    public ValueTask<RouteConfig> ConfigureRouteAsync(RouteConfig route, ClusterConfig? cluster, CancellationToken cancel) => ValueTask.FromResult(route);
}

using Yarp.ReverseProxy.Model;

namespace Exchange.Gateway.Routing;

/// <summary>
/// The provider a proxied call goes to. Every published method shares one route whose cluster holds every provider
/// endpoint as a destination (<see cref="RoutingTable"/>), so the call's destination is narrowed to its method's.
/// </summary>
internal static class ProviderDestination
{
    /// <summary>Offers the call only to <paramref name="endpoint"/>; false when the route's cluster has no such destination.</summary>
    public static bool Select(HttpContext context, string endpoint)
    {
        var cluster = context.GetRouteModel().Cluster;
        if (cluster is null || !cluster.Destinations.TryGetValue(endpoint, out var destination))
            return false;
        // A destination is also the list of just itself: no allocation per call.
        context.GetReverseProxyFeature().AvailableDestinations = destination;
        return true;
    }
}

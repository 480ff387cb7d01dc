using Microsoft.Extensions.Primitives;
using Yarp.ReverseProxy.Configuration;

namespace Exchange.Gateway.Routing;

/// <summary>The YARP view of one <see cref="RoutingTable"/>; its change token fires when a newer table replaces it.</summary>
internal sealed class CatalogProxyConfig : IProxyConfig
{
    private readonly CancellationTokenSource _replaced = new();

    public CatalogProxyConfig(RoutingTable table)
    {
        Table = table;
        ChangeToken = new CancellationChangeToken(_replaced.Token);
    }

    public RoutingTable Table { get; }

    public string RevisionId => Table.Revision?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none";

    public IReadOnlyList<RouteConfig> Routes => Table.Routes;

    public IReadOnlyList<ClusterConfig> Clusters => Table.Clusters;

    public IChangeToken ChangeToken { get; }

    internal void SignalReplaced() => _replaced.Cancel();
}

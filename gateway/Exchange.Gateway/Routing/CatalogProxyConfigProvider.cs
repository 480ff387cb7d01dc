using Exchange.Gateway.Catalog;
using Yarp.ReverseProxy.Configuration;

namespace Exchange.Gateway.Routing;

/// <summary>
/// Feeds YARP with routes built from the published catalog and rebuilds them on every catalog change, so a
/// publication or deprecation takes effect without a restart.
/// </summary>
internal sealed partial class CatalogProxyConfigProvider : IProxyConfigProvider
{
    private readonly CatalogState _state;
    private readonly ILogger<CatalogProxyConfigProvider> _logger;
    private readonly Lock _rebuild = new();
    private volatile CatalogProxyConfig _current = new(RoutingTable.Empty);
    private PublishedCatalog? _built;

    public CatalogProxyConfigProvider(CatalogState state, ILogger<CatalogProxyConfigProvider> logger)
    {
        _state = state;
        _logger = logger;
        _state.Changed += Rebuild;
        Rebuild();
    }

    /// <summary>The table YARP routes on; the request pipeline resolves methods from the same instance.</summary>
    public RoutingTable Table => _current.Table;

    public IProxyConfig GetConfig() => _current;

    private void Rebuild()
    {
        lock (_rebuild)
        {
            // Always build from the latest state, so concurrent notifications can never install an older catalog.
            var catalog = _state.Current;
            if (catalog is null || ReferenceEquals(catalog, _built))
                return;
            _built = catalog;
            var table = RoutingTable.Build(catalog);
            foreach (var problem in table.Problems)
                LogUnroutable(catalog.Revision, problem);
            var previous = _current;
            _current = new CatalogProxyConfig(table);
            previous.SignalReplaced();
            LogRoutesBuilt(catalog.Revision, table.Routes.Count, table.MethodsByPath.Count, table.Clusters.Count);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Routes for catalog revision {Revision}: {Routes} routes, {Methods} methods, {Providers} provider endpoints")]
    private partial void LogRoutesBuilt(long revision, int routes, int methods, int providers);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Catalog revision {Revision}: not routed: {Problem}")]
    private partial void LogUnroutable(long revision, string problem);
}

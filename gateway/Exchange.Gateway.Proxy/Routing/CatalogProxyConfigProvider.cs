using Exchange.Gateway.Catalog;
using Exchange.ServiceDefaults.Tls;
using Yarp.ReverseProxy.Configuration;

namespace Exchange.Gateway.Routing;

/// <summary>
/// Feeds YARP with routes built from the published catalog and rebuilds them after catalog changes, so a
/// publication or deprecation takes effect without a restart. The first table is built at once (the saved snapshot
/// routes the first request); later ones in the background from the latest catalog, so a burst of changes costs a
/// few rebuilds (192 ms each at 10,000 resources), not one per change. A resource that cannot be routed is logged once,
/// when it becomes unroutable, not again on every rebuild while it stays so (a catalog with many such resources
/// filled the log with the same warnings).
/// </summary>
internal sealed partial class CatalogProxyConfigProvider : IProxyConfigProvider, IAsyncDisposable
{
    private readonly CatalogState _state;
    private readonly ILogger<CatalogProxyConfigProvider> _logger;
    private readonly Lock _rebuild = new();
    private volatile CatalogProxyConfig _current = new(RoutingTable.Empty);
    private readonly CoalescingWorker _rebuilds;
    private PublishedCatalog? _built;
    private HashSet<string> _reportedProblems = new(StringComparer.Ordinal);
    private readonly bool _allowPlaintext;

    public CatalogProxyConfigProvider(CatalogState state, TransportSecurity tls, ILogger<CatalogProxyConfigProvider> logger)
    {
        _allowPlaintext = tls.Options.AllowPlaintext;
        _state = state;
        _logger = logger;
        _rebuilds = new CoalescingWorker(() =>
        {
            Rebuild();
            return Task.CompletedTask;
        }, restAfterRun: true);
        _state.Changed += OnCatalogChanged;
        Rebuild();
    }

    private void OnCatalogChanged()
    {
        if (_built is null)
            Rebuild();
        else
            _rebuilds.Signal();
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
            RoutingTable table;
            try
            {
                table = RoutingTable.Build(catalog, _allowPlaintext);
            }
            catch (Exception ex)
            {
                // Keep routing on the last table; the next change tries again.
                LogBuildFailed(ex, catalog.Revision);
                return;
            }
            var problems = table.Problems.ToHashSet(StringComparer.Ordinal);
            foreach (var problem in table.Problems.Where(p => !_reportedProblems.Contains(p)))
                LogUnroutable(catalog.Revision, problem);
            _reportedProblems = problems;
            var previous = _current;
            _current = new CatalogProxyConfig(table);
            previous.SignalReplaced();
            LogRoutesBuilt(catalog.Revision, table.Routes.Count, table.MethodsByPath.Count, table.ProviderEndpointCount, problems.Count);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _state.Changed -= OnCatalogChanged;
        await _rebuilds.DisposeAsync();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not build routes for catalog revision {Revision}; routing stays on the previous revision")]
    private partial void LogBuildFailed(Exception exception, long revision);

    [LoggerMessage(Level = LogLevel.Information, Message = "Routes for catalog revision {Revision}: {Routes} routes, {Methods} methods, {Providers} provider endpoints, {Unroutable} resources not routed (each logged when it became so)")]
    private partial void LogRoutesBuilt(long revision, int routes, int methods, int providers, int unroutable);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Catalog revision {Revision}: not routed: {Problem}")]
    private partial void LogUnroutable(long revision, string problem);
}

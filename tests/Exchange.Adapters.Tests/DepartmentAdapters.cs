using Exchange.ExchangeContext;
using Exchange.Testing;
using Grpc.Core;

namespace Exchange.Adapters.Tests;

/// <summary>
/// The three department adapters as real processes with the catalog they fetch their exchange-context keys from (an
/// <see cref="ExchangeCluster"/>), called directly (not through the gateway) with contexts the test makes
/// (<see cref="DirectContexts"/>).
/// </summary>
public sealed class DepartmentAdapters : IAsyncLifetime
{
    private ExchangeCluster? _cluster;
    private DirectContexts? _contexts;

    private ExchangeCluster Cluster => _cluster ?? throw new InvalidOperationException("Not started.");
    private DirectContexts Contexts => _contexts ?? throw new InvalidOperationException("Not started.");

    public ServiceProcess PublicSecurity => Cluster.PublicSecurity;
    public ServiceProcess MarketRegulation => Cluster.MarketRegulation;
    public ServiceProcess CivilAffairs => Cluster.CivilAffairs;

    public async ValueTask InitializeAsync()
    {
        _cluster = await ExchangeCluster.StartAsync(TestContext.Current.CancellationToken);
        _contexts = new DirectContexts(_cluster);
    }

    public CallInvoker Calls(ServiceProcess adapter) => Contexts.Calls(adapter);

    public Metadata Context(string method, string provider, string resource, IEnumerable<string> items, TimeSpan? lifetime = null, ContextKey? key = null) =>
        Contexts.Context(method, provider, resource, items, lifetime, key);

    public ContextKey KeyOf(string department) => Contexts.KeyOf(department);

    public static ContextKey Untrusted() => DirectContexts.Untrusted("PUBLIC-SECURITY");

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
            await _cluster.DisposeAsync();
    }
}

/// <summary>One cluster of adapters for every class that only calls them (none stops or changes one).</summary>
[CollectionDefinition(Name)]
public sealed class DepartmentAdaptersCollection : ICollectionFixture<DepartmentAdapters>
{
    public const string Name = "Department adapters";
}

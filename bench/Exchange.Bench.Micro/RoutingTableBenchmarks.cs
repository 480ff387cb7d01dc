using BenchmarkDotNet.Attributes;
using Exchange.Gateway.Catalog;
using Exchange.Gateway.Routing;
using Exchange.Protos.Catalog.V1;

namespace Exchange.Bench.Micro;

/// <summary>
/// The per-call method lookup (every proxied call), and the rebuild on every catalog change, with 10 and 10,000
/// published resources: the lookup must not grow with the catalog, the rebuild only linearly.
/// </summary>
public class RoutingTableBenchmarks
{
    private RoutingTable _table = RoutingTable.Empty;
    private PublishedCatalog _catalog = null!;
    private string _path = string.Empty;

    [Params(10, 10_000)]
    public int Resources { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var snapshot = new ResourceSnapshot { Revision = 1 };
        for (var i = 0; i < Resources; i++)
        {
            snapshot.Resources.Add(new Resource
            {
                Code = $"BENCH-RESOURCE-{i:D5}",
                ProviderDepartmentCode = $"DEPT-{i % 50:D2}",
                GrpcService = $"exchange.bench{i % 50}.v1.Filler{i}Service",
                GrpcMethods = { "Get", "List", "Check" },
                Endpoint = $"http://10.0.{i % 50}.1:7011",
                Version = 1,
                State = ResourceState.Published,
                ShareType = ShareType.Conditional,
            });
        }
        _catalog = PublishedCatalog.FromSnapshot(snapshot);
        _table = RoutingTable.Build(_catalog);
        _path = $"/exchange.bench{(Resources / 2) % 50}.v1.Filler{Resources / 2}Service/List";
        if (!_table.MethodsByPath.ContainsKey(_path))
            throw new InvalidOperationException($"{_path} should be routed");
    }

    // Results as object: the gateway's types are internal, a benchmark method's signature must be public.
    [Benchmark]
    public object? Lookup() => _table.MethodsByPath.GetValueOrDefault(_path);

    [Benchmark]
    public object Rebuild() => RoutingTable.Build(_catalog);
}

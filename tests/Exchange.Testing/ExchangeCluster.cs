namespace Exchange.Testing;

/// <summary>
/// A whole Exchange on loopback: three department adapters, the catalog seeded to point at them, and a gateway
/// routing from that catalog. Each part is a real process with its own store in a temporary directory.
/// </summary>
public sealed class ExchangeCluster : IAsyncDisposable
{
    private readonly List<ServiceProcess> _started = [];

    private ExchangeCluster()
    {
    }

    public ServiceProcess PublicSecurity { get; private set; } = null!;
    public ServiceProcess MarketRegulation { get; private set; } = null!;
    public ServiceProcess CivilAffairs { get; private set; } = null!;
    public ServiceProcess Catalog { get; private set; } = null!;
    public ServiceProcess Gateway { get; private set; } = null!;

    public static async Task<ExchangeCluster> StartAsync(CancellationToken cancellationToken = default)
    {
        var cluster = new ExchangeCluster();
        try
        {
            await cluster.StartAllAsync(cancellationToken);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Settings that point a gateway at this cluster's catalog, for starting more gateway instances.</summary>
    public Dictionary<string, string> GatewaySettings() => new()
    {
        ["Catalog:Address"] = Catalog.Address.ToString(),
    };

    /// <summary>Starts another gateway instance on the same catalog; the cluster stops it on dispose.</summary>
    public async Task<ServiceProcess> StartGatewayAsync(CancellationToken cancellationToken = default) =>
        Track(await ServiceProcess.StartAsync(ExchangeService.Gateway, GatewaySettings(), cancellationToken: cancellationToken));

    public async ValueTask DisposeAsync()
    {
        foreach (var service in Enumerable.Reverse(_started))
            await service.DisposeAsync();
        _started.Clear();
    }

    private async Task StartAllAsync(CancellationToken cancellationToken)
    {
        var adapters = await Task.WhenAll(
            ServiceProcess.StartAsync(ExchangeService.PublicSecurity, cancellationToken: cancellationToken),
            ServiceProcess.StartAsync(ExchangeService.MarketRegulation, cancellationToken: cancellationToken),
            ServiceProcess.StartAsync(ExchangeService.CivilAffairs, cancellationToken: cancellationToken));
        (PublicSecurity, MarketRegulation, CivilAffairs) = (Track(adapters[0]), Track(adapters[1]), Track(adapters[2]));

        Catalog = Track(await ServiceProcess.StartAsync(ExchangeService.Catalog, new Dictionary<string, string>
        {
            ["Catalog:Seed:Endpoints:PUBLIC-SECURITY"] = PublicSecurity.Address.ToString().TrimEnd('/'),
            ["Catalog:Seed:Endpoints:MARKET-REGULATION"] = MarketRegulation.Address.ToString().TrimEnd('/'),
            ["Catalog:Seed:Endpoints:CIVIL-AFFAIRS"] = CivilAffairs.Address.ToString().TrimEnd('/'),
        }, cancellationToken: cancellationToken));

        Gateway = await StartGatewayAsync(cancellationToken);
    }

    private ServiceProcess Track(ServiceProcess service)
    {
        _started.Add(service);
        return service;
    }
}

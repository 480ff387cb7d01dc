using Exchange.Protos.Catalog.V1;
using Exchange.Testing;

namespace Exchange.Catalog.Tests;

/// <summary>The catalog service as a real process with a fresh store, started once per test class.</summary>
public sealed class CatalogProcess : IAsyncLifetime
{
    /// <summary>Seed endpoints that differ from the defaults, to show the command line reaches the seed.</summary>
    public static readonly IReadOnlyDictionary<string, string> SeedEndpoints = new Dictionary<string, string>
    {
        ["PUBLIC-SECURITY"] = "http://127.0.0.1:17011",
        ["MARKET-REGULATION"] = "http://127.0.0.1:17012",
        ["CIVIL-AFFAIRS"] = "http://127.0.0.1:17013",
    };

    private ServiceProcess? _service;

    public ServiceProcess Service => _service ?? throw new InvalidOperationException("The catalog has not started.");

    public CatalogService.CatalogServiceClient Client => new(Service.Channel);

    public async ValueTask InitializeAsync()
    {
        var settings = SeedEndpoints.ToDictionary(e => $"Catalog:Seed:Endpoints:{e.Key}", e => e.Value);
        _service = await ServiceProcess.StartAsync(ExchangeService.Catalog, settings, cancellationToken: TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_service is not null)
            await _service.DisposeAsync();
    }
}

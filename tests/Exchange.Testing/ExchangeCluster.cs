using Exchange.Client;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Exchange.Testing;

/// <summary>
/// A whole Exchange on loopback: three department adapters, the catalog seeded to point at them, and a gateway
/// routing from that catalog. Each part is a real process with its own store in a temporary directory.
/// </summary>
public sealed class ExchangeCluster : IAsyncDisposable
{
    private readonly List<ServiceProcess> _started = [];
    private readonly TestClients _clients;
    private readonly ExchangeClusterOptions _options;

    // Chosen up front because the catalog's admin UI needs the gateway's address before the gateway starts.
    private readonly int _gatewayPort = LoopbackPort.Next();

    private ExchangeCluster(ExchangeClusterOptions options)
    {
        _options = options;
        _clients = new TestClients(() => TokenEndpoint);
        KeyDirectory = RepositoryLayout.NewTemporaryDirectory("keys");
    }

    /// <summary>Where the gateway's exchange-context signing key lives and the adapters find the keys they trust.</summary>
    public string KeyDirectory { get; }

    public string TrustedKeysDirectory => Path.Combine(KeyDirectory, "trusted");

    public Uri TokenEndpoint => new(Catalog.WebAddress!, "connect/token");

    public ServiceProcess PublicSecurity { get; private set; } = null!;
    public ServiceProcess MarketRegulation { get; private set; } = null!;
    public ServiceProcess CivilAffairs { get; private set; } = null!;
    public ServiceProcess Catalog { get; private set; } = null!;
    public ServiceProcess Gateway { get; private set; } = null!;

    public static async Task<ExchangeCluster> StartAsync(CancellationToken cancellationToken = default) =>
        await StartAsync(new ExchangeClusterOptions(), cancellationToken);

    public static async Task<ExchangeCluster> StartAsync(ExchangeClusterOptions options, CancellationToken cancellationToken = default)
    {
        var cluster = new ExchangeCluster(options);
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
    public Dictionary<string, string> GatewaySettings()
    {
        var settings = new Dictionary<string, string>
        {
            ["Catalog:Address"] = Catalog.Address.ToString(),
            ["Catalog:ClientId"] = ExchangeClients.Gateway,
            ["Catalog:ClientSecret"] = _clients.SecretOf(ExchangeClients.Gateway),
            ["Identity:Authority"] = Catalog.WebAddress!.ToString(),
            ["ExchangeContext:SigningKeyPath"] = Path.Combine(KeyDirectory, "exchange-context.pem"),
            ["ExchangeContext:TrustedKeysDirectory"] = TrustedKeysDirectory,
        };
        foreach (var (key, value) in _options.GatewaySettings)
            settings[key] = value;
        return settings;
    }

    public string SecretOf(string clientId) => _clients.SecretOf(clientId);

    /// <summary>One token provider per client and scope for the cluster's life, as a department system keeps one.</summary>
    public ExchangeTokenProvider Tokens(string clientId, string scope = ExchangeScopes.Gateway) => _clients.Tokens(clientId, scope);

    /// <summary>Calls through the gateway as a department system: its token, and a case number and purpose on every call.</summary>
    public CallInvoker GatewayCallsAs(string clientId, string caseNumber = "TEST-2026-000001", string purpose = "自动化测试核验") =>
        _clients.CallsAs(Gateway.Address, clientId, ExchangeScopes.Gateway).Intercept(new CaseMetadataInterceptor(caseNumber, purpose));

    /// <summary>Calls to the catalog's API with a client's token (scope exchange.catalog).</summary>
    public CallInvoker CatalogCallsAs(string clientId) => _clients.CallsAs(Catalog.Address, clientId, ExchangeScopes.Catalog);


    /// <summary>Starts another gateway instance on the same catalog; the cluster stops it on dispose.</summary>
    public async Task<ServiceProcess> StartGatewayAsync(CancellationToken cancellationToken = default) =>
        Track(await ServiceProcess.StartAsync(ExchangeService.Gateway, GatewaySettings(), cancellationToken: cancellationToken));

    private async Task<ServiceProcess> StartFirstGatewayAsync(CancellationToken cancellationToken) =>
        Track(await ServiceProcess.StartAsync(ExchangeService.Gateway, GatewaySettings(), _gatewayPort, cancellationToken));

    public async ValueTask DisposeAsync()
    {
        _clients.Dispose();
        foreach (var service in Enumerable.Reverse(_started))
            await service.DisposeAsync();
        _started.Clear();
        try
        {
            Directory.Delete(KeyDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private async Task StartAllAsync(CancellationToken cancellationToken)
    {
        var adapterSettings = new Dictionary<string, string> { ["ExchangeContext:TrustedKeysDirectory"] = TrustedKeysDirectory };
        var adapters = await Task.WhenAll(
            ServiceProcess.StartAsync(ExchangeService.PublicSecurity, adapterSettings, cancellationToken: cancellationToken),
            ServiceProcess.StartAsync(ExchangeService.MarketRegulation, adapterSettings, cancellationToken: cancellationToken),
            ServiceProcess.StartAsync(ExchangeService.CivilAffairs, adapterSettings, cancellationToken: cancellationToken));
        (PublicSecurity, MarketRegulation, CivilAffairs) = (Track(adapters[0]), Track(adapters[1]), Track(adapters[2]));

        var catalogWebPort = LoopbackPort.Next();
        var catalogSettings = new Dictionary<string, string>
        {
            ["Catalog:Seed:Endpoints:PUBLIC-SECURITY"] = ServiceProcess.Origin(PublicSecurity.Address),
            ["Catalog:Seed:Endpoints:MARKET-REGULATION"] = ServiceProcess.Origin(MarketRegulation.Address),
            ["Catalog:Seed:Endpoints:CIVIL-AFFAIRS"] = ServiceProcess.Origin(CivilAffairs.Address),
            ["Identity:Issuer"] = $"http://127.0.0.1:{catalogWebPort}/",
            ["Admin:GatewayAddress"] = $"http://127.0.0.1:{_gatewayPort}",
        };
        foreach (var (key, value) in _clients.CatalogSettings())
            catalogSettings[key] = value;
        foreach (var (key, value) in _options.CatalogSettings)
            catalogSettings[key] = value;
        Catalog = Track(await ServiceProcess.StartAsync(ExchangeService.Catalog, catalogSettings, cancellationToken: cancellationToken, webPort: catalogWebPort));

        Gateway = await StartFirstGatewayAsync(cancellationToken);
    }

    private ServiceProcess Track(ServiceProcess service)
    {
        _started.Add(service);
        return service;
    }
}

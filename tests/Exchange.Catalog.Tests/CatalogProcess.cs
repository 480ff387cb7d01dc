using Exchange.Client;
using Exchange.Protos.Catalog.V1;
using Exchange.Testing;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;

namespace Exchange.Catalog.Tests;

/// <summary>
/// The catalog service as a real process with a fresh store and a random secret for every seeded client,
/// shared by the classes of <see cref="SharedCatalogCollection"/>, started once for a class (SeedTests), or on its own with
/// extra settings through <see cref="StartAsync"/>.
/// </summary>
public sealed class CatalogProcess : IAsyncLifetime
{
    /// <summary>Seed endpoints that differ from the defaults, to show the command line reaches the seed.</summary>
    public static readonly IReadOnlyDictionary<string, string> SeedEndpoints = new Dictionary<string, string>
    {
        ["PUBLIC-SECURITY"] = "http://127.0.0.1:17011",
        ["MARKET-REGULATION"] = "http://127.0.0.1:17012",
        ["CIVIL-AFFAIRS"] = "http://127.0.0.1:17013",
    };

    private readonly TestClients _clients;
    private ServiceProcess? _service;

    public CatalogProcess() => _clients = new TestClients(() => TokenEndpoint);

    public ServiceProcess Service => _service ?? throw new InvalidOperationException("The catalog has not started.");

    public HttpClient Http => _clients.Http;

    /// <summary>The OAuth2 side (HTTP/1.1): issuer, discovery, JWKS and token endpoint.</summary>
    public Uri WebAddress => Service.WebAddress!;

    public Uri TokenEndpoint => new(WebAddress, "connect/token");

    /// <summary>Without a token: the read-only calls.</summary>
    public CatalogService.CatalogServiceClient Client => new(Service.Channel);

    /// <summary>With a catalog-admin token: everything.</summary>
    public CatalogService.CatalogServiceClient Admin => new(CallsAs(ExchangeClients.CatalogAdmin));

    public AccessService.AccessServiceClient AccessAs(string clientId) => new(CallsAs(clientId));

    public static async Task<CatalogProcess> StartAsync(IReadOnlyDictionary<string, string> settings, CancellationToken cancellationToken)
    {
        var catalog = new CatalogProcess();
        await catalog.StartProcessAsync(settings, cancellationToken);
        return catalog;
    }

    /// <summary>
    /// A watcher's buffer in the fixture's catalog (the default is larger): small, so that SlowWatcherTests can overflow it
    /// on the shared catalog; the other tests read their few changes at once.
    /// </summary>
    public const int SubscriberBufferCapacity = 8;

    public ValueTask InitializeAsync() => new(StartProcessAsync(
        new Dictionary<string, string> { ["Catalog:Watch:SubscriberBufferCapacity"] = SubscriberBufferCapacity.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        TestContext.Current.CancellationToken));

    public string SecretOf(string clientId) => _clients.SecretOf(clientId);

    /// <summary>One token provider per client and scope, as a department system keeps one (Duende.IdentityModel underneath).</summary>
    public ExchangeTokenProvider Tokens(string clientId, string scope = ExchangeScopes.Catalog) => _clients.Tokens(clientId, scope);

    /// <summary>Calls to the catalog's API with the client's current token for scope exchange.catalog.</summary>
    public CallInvoker CallsAs(string clientId) => _clients.CallsAs(Service.Address, clientId, ExchangeScopes.Catalog);

    /// <summary>Calls carrying exactly this authorization header value (a forged, expired or foreign token).</summary>
    public CallInvoker CallsWithAuthorization(string authorization) =>
        Service.Channel.Intercept(metadata =>
        {
            metadata.Add("authorization", authorization);
            return metadata;
        });

    public async ValueTask DisposeAsync()
    {
        _clients.Dispose();
        if (_service is not null)
            await _service.DisposeAsync();
    }

    private async Task StartProcessAsync(IReadOnlyDictionary<string, string> extra, CancellationToken cancellationToken)
    {
        var settings = SeedEndpoints.ToDictionary(e => $"Catalog:Seed:Endpoints:{e.Key}", e => e.Value);
        foreach (var (key, value) in _clients.CatalogSettings())
            settings[key] = value;
        foreach (var (key, value) in extra)
            settings[key] = value;
        _service = await ServiceProcess.StartAsync(ExchangeService.Catalog, settings, cancellationToken: cancellationToken);
    }
}

using Exchange.AppHost;
using Exchange.Ports;

// Runs all of Exchange on this machine: redis-server, the three department adapters, the catalog and the gateway (or
// several behind the front balancer), the holders' portal, every hop over TLS with the local exchange CA, and the Aspire dashboard with each
// service's logs, traces and metrics. Every address comes from the port map (ExchangePorts) and reaches the services
// through their environment. Ctrl-C stops everything.
var builder = DistributedApplication.CreateBuilder(args);
var repositoryRoot = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", ".."));
var options = AppHostOptions.From(builder.Configuration, repositoryRoot);
var credentials = LocalCredentials.Ensure(options.WorkingDirectory!);
builder.UseDashboardOnPortMap(options, credentials);
builder.AddProbeClient(credentials.Pki.CaCertificatePath);
var secrets = builder.AddCredentialParameters(credentials);

var redis = builder.AddLocalRedis(options);
var stores = builder.AddStores(options, credentials);

var catalogGrpc = options.Https(ExchangePorts.CatalogGrpc);
var catalogWeb = options.Https(ExchangePorts.CatalogWeb);
var gatewayAddress = options.Https(ExchangePorts.Gateway);

var catalog = builder.AddExchangeService("catalog", new Projects.Exchange_Catalog(), options)
    .WithExchangeEndpoint("grpc", ExchangePorts.CatalogGrpc + options.PortOffset)
    .WithExchangeEndpoint("web", ExchangePorts.CatalogWeb + options.PortOffset, probe: true)
    .WithEnvironment("Kestrel__Endpoints__Grpc__Url", catalogGrpc)
    .WithEnvironment("Kestrel__Endpoints__Web__Url", catalogWeb)
    .WithEnvironment("Identity__Issuer", catalogWeb + "/")
    .WithEnvironment("Catalog__Seed__Endpoints__PUBLIC-SECURITY", options.Https(ExchangePorts.PublicSecurity))
    .WithEnvironment("Catalog__Seed__Endpoints__MARKET-REGULATION", options.Https(ExchangePorts.MarketRegulation))
    .WithEnvironment("Catalog__Seed__Endpoints__CIVIL-AFFAIRS", options.Https(ExchangePorts.CivilAffairs))
    .WithEnvironment("Admin__GatewayAddress", gatewayAddress)
    // The holders' portal receives its authorization codes here.
    .WithEnvironment("Identity__Clients__exchange-portal__RedirectUri", options.Https(ExchangePorts.Portal) + "/signin-oidc")
    .WithCatalogCredentials(secrets)
    .WithUrl(catalogWeb + "/admin", "admin UI");
stores.Apply(catalog, "Catalog", Stores.CatalogDatabase);

var adapters = new[]
{
    builder.AddAdapter("public-security", new Projects.Exchange_Adapters_PublicSecurity(), ExchangePorts.PublicSecurity, options, secrets),
    builder.AddAdapter("market-regulation", new Projects.Exchange_Adapters_MarketRegulation(), ExchangePorts.MarketRegulation, options, secrets),
    builder.AddAdapter("civil-affairs", new Projects.Exchange_Adapters_CivilAffairs(), ExchangePorts.CivilAffairs, options, secrets),
};
// The adapters start beside the catalog, not after it: their seeding overlaps its start, and they register their issuer
// keys and fetch the context keys with retries until it answers. The gateway waits for all of them.
foreach (var adapter in adapters)
    adapter.WithEnvironment("Catalog__Address", catalogGrpc)
        .WithEnvironment("Catalog__TokenEndpoint", catalogWeb + "/connect/token");

var gateways = builder.AddGateways(options, secrets, redis, stores, catalog, adapters);
builder.AddPortal(options, secrets, catalog, gateways);
builder.AnnounceWhenReady(gateways, options, credentials);

builder.Build().Run();

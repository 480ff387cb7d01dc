using Exchange.Client;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client.Configuration;

namespace Exchange.Testing;

/// <summary>
/// A whole Exchange on loopback: three department adapters, the catalog seeded to point at them, and a gateway
/// routing from that catalog. Each part is a real process with its own store in a temporary directory. With
/// <see cref="ExchangeClusterOptions.GatewayInstances"/> above one, several gateways behind the front balancer.
/// </summary>
public sealed class ExchangeCluster : IAsyncDisposable
{
    private readonly List<ServiceProcess> _started = [];
    private readonly TestClients _clients;
    private readonly ExchangeClusterOptions _options;

    // Chosen up front because the catalog's admin UI needs the gateway's address before the gateway starts, and the
    // adapters the catalog's, to register their issuer keys there.
    private readonly int _gatewayPort = LoopbackPort.Next();
    private int _startedGateways;
    private readonly int _catalogPort = LoopbackPort.Next();
    private readonly int _catalogWebPort = LoopbackPort.Next();
    // The catalog registers the portal's redirect URI before the portal starts.
    private readonly int _portalPort = LoopbackPort.Next();

    private const string LicenceIssuerService = "exchange.licence.v1.LicenceIssuerService";
    private const string ContextKeyService = "exchange.context.v1.ContextKeyService";

    private ExchangeCluster(ExchangeClusterOptions options)
    {
        _options = options;
        _clients = new TestClients(() => TokenEndpoint);
        KeyDirectory = RepositoryLayout.NewTemporaryDirectory("keys");
    }

    /// <summary>Where the catalog keeps the providers' exchange-context keys (ContextKeys:Directory).</summary>
    public string KeyDirectory { get; }

    public string ContextKeyDirectory => Path.Combine(KeyDirectory, "context-keys");

    /// <summary>The audit log keys the witnesses (the catalog, the gateway instances) trust; the gateways write theirs here.</summary>
    public string TrustedAuditKeysDirectory => Path.Combine(KeyDirectory, "audit-trusted");

    public Uri TokenEndpoint => new(Catalog.WebAddress!, "connect/token");

    public ServiceProcess PublicSecurity { get; private set; } = null!;
    public ServiceProcess MarketRegulation { get; private set; } = null!;
    public ServiceProcess CivilAffairs { get; private set; } = null!;
    public ServiceProcess Catalog { get; private set; } = null!;
    /// <summary>The port the portal listens on (and the catalog's redirect URI names), whether or not it is started.</summary>
    public int PortalPort => _portalPort;

    /// <summary>The holders' portal; null unless <see cref="ExchangeClusterOptions.WithPortal"/>.</summary>
    public ServiceProcess? Portal { get; private set; }

    /// <summary>The first gateway instance.</summary>
    public ServiceProcess Gateway { get; private set; } = null!;

    /// <summary>Every gateway instance the cluster started, <see cref="Gateway"/> first.</summary>
    public IReadOnlyList<ServiceProcess> Gateways => _gateways;

    /// <summary>The front balancer over <see cref="Gateways"/>; null with one gateway instance.</summary>
    public ServiceProcess? Front { get; private set; }

    private readonly List<ServiceProcess> _gateways = [];

    /// <summary>The gateways' shared audit database on PostgreSQL; null when each gateway keeps its own SQLite file.</summary>
    public string? AuditConnectionString { get; private set; }

    /// <summary>The gateways' shared licence cache; null when started without Redis.</summary>
    public RedisServer? Redis { get; private set; }

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
            ["Audit:SigningKeyPath"] = Path.Combine(KeyDirectory, "audit.pem"),
            ["Audit:TrustedLogKeysDirectory"] = TrustedAuditKeysDirectory,
            // A test machine running several clusters at once can be slow; a stopped issuer still fails at once.
            ["Licences:IssuerTimeout"] = "00:00:10",
        };
        if (Redis is not null)
            settings["Redis:Configuration"] = Redis.Configuration;
        if (AuditConnectionString is not null)
            settings["ConnectionStrings:Audit"] = AuditConnectionString;
        foreach (var (key, value) in _options.GatewaySettings)
            settings[key] = value;
        return settings;
    }

    public string SecretOf(string clientId) => _clients.SecretOf(clientId);

    /// <summary>One token provider per client and scope for the cluster's life, as a department system keeps one.</summary>
    public ExchangeTokenProvider Tokens(string clientId, string scope = ExchangeScopes.Gateway) => _clients.Tokens(clientId, scope);

    /// <summary>Calls through the gateway as a department system: its token, and a case number and purpose on every call.</summary>
    public CallInvoker GatewayCallsAs(string clientId, string caseNumber = "TEST-2026-000001", string purpose = "自动化测试核验") =>
        GatewayCallsAs(Gateway, clientId, caseNumber, purpose);

    /// <summary>The same, through another gateway instance of the cluster.</summary>
    public CallInvoker GatewayCallsAs(ServiceProcess gateway, string clientId, string caseNumber = "TEST-2026-000001", string purpose = "自动化测试核验") =>
        _clients.CallsAs(gateway.Address, clientId, ExchangeScopes.Gateway).Intercept(new CaseMetadataInterceptor(caseNumber, purpose));

    /// <summary>The same, on a channel with <paramref name="serviceConfig"/> (for example a retry policy), as a department system may configure it.</summary>
    public CallInvoker GatewayCallsAs(ServiceProcess gateway, string clientId, ServiceConfig serviceConfig, string caseNumber = "TEST-2026-000001", string purpose = "自动化测试核验") =>
        _clients.CallsAs(gateway.Address, clientId, ExchangeScopes.Gateway, serviceConfig).Intercept(new CaseMetadataInterceptor(caseNumber, purpose));

    /// <summary>Calls to the catalog's API with a client's token (scope exchange.catalog).</summary>
    public CallInvoker CatalogCallsAs(string clientId) => _clients.CallsAs(Catalog.Address, clientId, ExchangeScopes.Catalog);


    /// <summary>Starts another gateway instance on the same catalog; the cluster stops it on dispose.</summary>
    public Task<ServiceProcess> StartGatewayAsync(CancellationToken cancellationToken = default) => StartGatewayAsync(null, cancellationToken);

    /// <summary>The same, with <paramref name="overrides"/> on top of <see cref="GatewaySettings"/>.</summary>
    public async Task<ServiceProcess> StartGatewayAsync(IReadOnlyDictionary<string, string>? overrides, CancellationToken cancellationToken = default)
    {
        var settings = GatewaySettings();
        // Another SQLite audit store is another log: witnesses keep one tree per log id.
        if (AuditConnectionString is null && !_options.GatewaySettings.ContainsKey("Audit:LogId"))
            settings["Audit:LogId"] = $"gateway-started-{Interlocked.Increment(ref _startedGateways)}";
        foreach (var (key, value) in overrides ?? new Dictionary<string, string>())
            settings[key] = value;
        return Track(await ServiceProcess.StartAsync(ExchangeService.Gateway, settings, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Starts <paramref name="count"/> more gateway instances, each with a SQLite audit log of its own (log ids and witness
    /// names <paramref name="logIdPrefix"/>-1, -2, ...) that the others witness besides the catalog, as the instances of
    /// a cluster started with <see cref="ExchangeClusterOptions.GatewayInstances"/> do, without a cluster of their own.
    /// The cluster stops them on dispose.
    /// </summary>
    public async Task<ServiceProcess[]> StartWitnessingGatewaysAsync(int count, string logIdPrefix, CancellationToken cancellationToken = default)
    {
        if (AuditConnectionString is not null)
            throw new InvalidOperationException("Witnessing instances keep SQLite audit logs of their own; this cluster's gateways share one on PostgreSQL.");
        var ports = Enumerable.Range(0, count).Select(_ => LoopbackPort.Next()).ToList();
        return await Task.WhenAll(ports.Select(async (port, i) =>
        {
            var settings = GatewaySettings();
            settings["Audit:LogId"] = settings["Audit:WitnessName"] = $"{logIdPrefix}-{i + 1}";
            var peers = ports.Where(p => p != port).ToList();
            for (var k = 0; k < peers.Count; k++)
                settings[$"Audit:Witnesses:{k}"] = $"https://127.0.0.1:{peers[k]}";
            return Track(await ServiceProcess.StartAsync(ExchangeService.Gateway, settings, port, cancellationToken));
        }));
    }

    /// <summary>
    /// Starts the front balancer (gateway/Exchange.Gateway.Balancer) over <paramref name="gateways"/>; it reports SERVING
    /// once a gateway behind it does. The instances are listed in a file it reloads (<see cref="SetBalancerDestinations"/>).
    /// The cluster stops it on dispose.
    /// </summary>
    public async Task<ServiceProcess> StartBalancerAsync(IReadOnlyList<ServiceProcess> gateways, CancellationToken cancellationToken = default)
    {
        SetBalancerDestinations(gateways);
        var settings = new Dictionary<string, string> { ["Balancer:DestinationsFile"] = BalancerDestinationsFile };
        foreach (var (key, value) in _options.BalancerSettings)
            settings[key] = value;
        return Track(await ServiceProcess.StartAsync(ExchangeService.GatewayBalancer, settings, cancellationToken: cancellationToken));
    }

    /// <summary>The file the front balancer reads its instances from, again whenever it changes.</summary>
    public string BalancerDestinationsFile => Path.Combine(KeyDirectory, "balancer-destinations.json");

    /// <summary>Rewrites the front balancer's instances (at once, by rename): it takes the change without a restart.</summary>
    public void SetBalancerDestinations(IReadOnlyList<ServiceProcess> gateways)
    {
        var destinations = new System.Text.Json.Nodes.JsonObject();
        foreach (var gateway in gateways)
            destinations[$"gateway-{gateway.Address.Port}"] = new System.Text.Json.Nodes.JsonObject { ["Address"] = ServiceProcess.Origin(gateway.Address) };
        var document = new System.Text.Json.Nodes.JsonObject
        {
            ["ReverseProxy"] = new System.Text.Json.Nodes.JsonObject
            {
                ["Clusters"] = new System.Text.Json.Nodes.JsonObject { ["gateways"] = new System.Text.Json.Nodes.JsonObject { ["Destinations"] = destinations } },
            },
        };
        var staged = BalancerDestinationsFile + ".new";
        File.WriteAllText(staged, document.ToJsonString());
        File.Move(staged, BalancerDestinationsFile, overwrite: true);
    }

    private async Task<ServiceProcess> StartFirstGatewayAsync(CancellationToken cancellationToken) =>
        Track(await ServiceProcess.StartAsync(ExchangeService.Gateway, GatewaySettings(), _gatewayPort, cancellationToken));

    public async ValueTask DisposeAsync()
    {
        _clients.Dispose();
        foreach (var service in Enumerable.Reverse(_started))
            await service.DisposeAsync();
        _started.Clear();
        if (Redis is not null)
            await Redis.DisposeAsync();
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
        var phases = new StartLog.Phases();
        if (_options.WithRedis)
        {
            Redis = await RedisServer.StartAsync(cancellationToken);
            phases.End("redis");
        }
        // The adapters and the catalog start side by side (each start seeds a store, the slow part): their ports are
        // chosen first, so the catalog's seed can name the adapters before they listen, and the adapters retry the
        // catalog (issuer keys, context key) until it answers.
        var adapterSettings = new[]
        {
            (Service: ExchangeService.PublicSecurity, Settings: AdapterSettings(ExchangeClients.PublicSecurity, await StoreSettingsAsync("PublicSecurity", "Licences")), Port: LoopbackPort.Next()),
            (Service: ExchangeService.MarketRegulation, Settings: AdapterSettings(ExchangeClients.MarketRegulation, await StoreSettingsAsync("MarketRegulation", "Licences")), Port: LoopbackPort.Next()),
            (Service: ExchangeService.CivilAffairs, Settings: AdapterSettings(ExchangeClients.CivilAffairs, await StoreSettingsAsync("CivilAffairs", "Licences")), Port: LoopbackPort.Next()),
        };
        string AdapterOrigin(int i) => ServiceProcess.Origin(ServiceProcess.AddressOf(adapterSettings[i].Settings, adapterSettings[i].Port));

        var catalogWebPort = _catalogWebPort;
        var catalogSettings = new Dictionary<string, string>
        {
            ["Catalog:Seed:Endpoints:PUBLIC-SECURITY"] = AdapterOrigin(0),
            ["Catalog:Seed:Endpoints:MARKET-REGULATION"] = AdapterOrigin(1),
            ["Catalog:Seed:Endpoints:CIVIL-AFFAIRS"] = AdapterOrigin(2),
            ["Identity:Issuer"] = $"https://127.0.0.1:{catalogWebPort}/",
            ["ContextKeys:Directory"] = ContextKeyDirectory,
            ["Admin:GatewayAddress"] = $"https://127.0.0.1:{_gatewayPort}",
            ["Admin:Gateways:0"] = $"https://127.0.0.1:{_gatewayPort}",
            ["Witness:TrustedLogKeysDirectory"] = TrustedAuditKeysDirectory,
            [$"Identity:Clients:{ExchangeClients.Portal}:RedirectUri"] = $"https://127.0.0.1:{_portalPort}/signin-oidc",
        };
        foreach (var (key, value) in _clients.CatalogSettings().Concat(await StoreSettingsAsync("Catalog", "CatalogAdmin")))
            catalogSettings[key] = value;
        foreach (var (key, value) in _options.CatalogSettings)
            catalogSettings[key] = value;

        // Tracked as each one starts, so a failed start of one still stops the others on dispose.
        async Task<ServiceProcess> StartTrackedAsync(ExchangeService service, Dictionary<string, string> settings, int port, int? webPort = null) =>
            Track(await ServiceProcess.StartAsync(service, settings, port, cancellationToken, webPort));
        // One adapter of a department seeds at a time; the others wait for its stores and start from a copy.
        async Task<ServiceProcess> StartAdapterAsync(ExchangeService service, Dictionary<string, string> settings, int port)
        {
            if (_options.Postgres is not null || !SeededStoreTemplates.Applies(service, settings))
                return await StartTrackedAsync(service, settings, port);
            using var seeding = await SeededStoreTemplates.AcquireAsync(service, cancellationToken);
            var adapter = await StartTrackedAsync(service, settings, port);
            if (seeding.Seeds)
            {
                // Adapters serve department data at once but issue their seeded licences in the background.
                await adapter.WaitUntilServingAsync(cancellationToken, LicenceIssuerService);
                SeededStoreTemplates.TakeFrom(adapter);
            }
            return adapter;
        }
        var adapterStarts = adapterSettings.Select(a => StartAdapterAsync(a.Service, a.Settings, a.Port)).ToArray();
        var catalogStart = StartTrackedAsync(ExchangeService.Catalog, catalogSettings, _catalogPort, catalogWebPort);
        await Task.WhenAll([.. adapterStarts, catalogStart]);
        phases.End("adapters+catalog");
        var adapters = adapterStarts.Select(a => a.Result).ToArray();
        (PublicSecurity, MarketRegulation, CivilAffairs) = (adapters[0], adapters[1], adapters[2]);
        Catalog = catalogStart.Result;
        await IssuerKeysRegisteredAsync(cancellationToken);
        phases.End("issuer-keys");
        // Adapters serve department data at once but issue their seeded licences in the background; a test's first
        // licence lookup must not race that (the gateway would report the issuer as not answering).
        await Task.WhenAll(adapters.Select(a => a.WaitUntilServingAsync(cancellationToken, LicenceIssuerService)));
        phases.End("licences-issued");
        // Department calls are refused UNAVAILABLE until an adapter holds its exchange-context key from the catalog.
        await Task.WhenAll(adapters.Select(a => a.WaitUntilServingAsync(cancellationToken, ContextKeyService)));
        phases.End("context-keys");

        if (_options.Postgres is { } postgres)
            AuditConnectionString = await postgres.CreateDatabaseAsync("Audit", cancellationToken);
        if (_options.GatewayInstances == 1)
        {
            Gateway = await StartFirstGatewayAsync(cancellationToken);
            _gateways.Add(Gateway);
            phases.End("gateway");
            if (_options.WithPortal)
            {
                Portal = await StartPortalAsync(cancellationToken);
                phases.End("portal");
            }
            phases.Log();
            return;
        }
        // Each instance witnesses the others' audit logs; on SQLite each keeps a log of its own, so each needs its own log id.
        var ports = Enumerable.Range(0, _options.GatewayInstances).Select(i => i == 0 ? _gatewayPort : LoopbackPort.Next()).ToList();
        Task<ServiceProcess> StartInstance(int port, int i)
        {
            var settings = GatewaySettings();
            settings["Audit:WitnessName"] = $"gateway-{i + 1}";
            if (AuditConnectionString is null)
                settings["Audit:LogId"] = $"gateway-{i + 1}";
            var peers = ports.Where(p => p != port).ToList();
            for (var k = 0; k < peers.Count; k++)
                settings[$"Audit:Witnesses:{k}"] = $"https://127.0.0.1:{peers[k]}";
            foreach (var (key, value) in _options.GatewaySettings)
                settings[key] = value;
            return ServiceProcess.StartAsync(ExchangeService.Gateway, settings, port, cancellationToken);
        }
        async Task<ServiceProcess> StartTrackedInstance(int i) => Track(await StartInstance(ports[i], i));
        // On PostgreSQL the first one starts alone, so that it migrates the shared audit store before the others open it;
        // on SQLite each has a store of its own, and all start at once.
        if (AuditConnectionString is not null)
            _gateways.Add(await StartTrackedInstance(0));
        _gateways.AddRange(await Task.WhenAll(Enumerable.Range(_gateways.Count, ports.Count - _gateways.Count).Select(StartTrackedInstance)));
        Gateway = _gateways[0];
        phases.End($"gateways({_gateways.Count})");
        Front = await StartBalancerAsync(_gateways, cancellationToken);
        phases.End("balancer");
        phases.Log();
    }

    private async Task<ServiceProcess> StartPortalAsync(CancellationToken cancellationToken) =>
        Track(await ServiceProcess.StartAsync(ExchangeService.Portal, new Dictionary<string, string>
        {
            ["Portal:Authority"] = Catalog.WebAddress!.ToString(),
            ["Portal:ClientSecret"] = _clients.SecretOf(ExchangeClients.Portal),
            ["Portal:GatewayAddress"] = ServiceProcess.Origin(Gateway.Address),
            ["Portal:CatalogAddress"] = ServiceProcess.Origin(Catalog.Address),
        }, _portalPort, cancellationToken));

    /// <summary>An adapter's settings: fetch its context key from and register its issuer keys in this cluster's catalog, as its department.</summary>
    private Dictionary<string, string> AdapterSettings(string departmentClient, Dictionary<string, string> storeSettings)
    {
        var settings = new Dictionary<string, string>(storeSettings)
        {
            ["Catalog:Address"] = $"https://127.0.0.1:{_catalogPort}",
            ["Catalog:TokenEndpoint"] = $"https://127.0.0.1:{_catalogWebPort}/connect/token",
            ["Catalog:ClientId"] = departmentClient,
            ["Catalog:ClientSecret"] = _clients.SecretOf(departmentClient),
        };
        foreach (var (key, value) in _options.AdapterSettings)
            settings[key] = value;
        return settings;
    }

    /// <summary>ConnectionStrings:&lt;name&gt; of a new database each, when the cluster keeps its stores on PostgreSQL; none (SQLite defaults) otherwise.</summary>
    private async Task<Dictionary<string, string>> StoreSettingsAsync(params string[] names)
    {
        var settings = new Dictionary<string, string>();
        if (_options.Postgres is { } postgres)
        {
            foreach (var name in names)
                settings[$"ConnectionStrings:{name}"] = await postgres.CreateDatabaseAsync(name);
        }
        return settings;
    }

    /// <summary>
    /// Waits until every adapter has registered its issuer keys, so a test's first verification does not race the
    /// registration (the gateway would find the keys on its next refresh, but a test should not depend on when).
    /// </summary>
    private async Task IssuerKeysRegisteredAsync(CancellationToken cancellationToken)
    {
        var catalog = new Protos.Catalog.V1.IssuerKeyService.IssuerKeyServiceClient(Catalog.Channel);
        string[] issuers = ["PUBLIC-SECURITY", "MARKET-REGULATION", "CIVIL-AFFAIRS"];
        var registered = Array.Empty<string>();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        while (!timeout.IsCancellationRequested)
        {
            var keys = await catalog.ListIssuerKeysAsync(new Protos.Catalog.V1.ListIssuerKeysRequest(), cancellationToken: cancellationToken);
            registered = [.. keys.Keys.Select(k => k.IssuerDepartmentCode).Distinct()];
            if (issuers.All(registered.Contains))
                return;
            await Task.Delay(100, cancellationToken);
        }
        throw new InvalidOperationException(
            $"Within 60 s only [{string.Join(", ", registered)}] registered issuer keys in the catalog; adapter logs:{Environment.NewLine}" +
            string.Join(Environment.NewLine, new[] { PublicSecurity, MarketRegulation, CivilAffairs }.Select(a => $"--- {a.Service}{Environment.NewLine}{a.RecentLog}")));
    }

    private ServiceProcess Track(ServiceProcess service)
    {
        lock (_started)
            _started.Add(service);
        return service;
    }
}

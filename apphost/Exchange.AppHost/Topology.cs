using Exchange.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Exchange.AppHost;

/// <summary>The resources of a local run besides the catalog: Redis, the adapters, the gateways, and the dashboard's place.</summary>
internal static partial class Topology
{
    /// <summary>
    /// The dashboard on the port map, unless configured otherwise: https on loopback with a certificate from the local
    /// exchange CA (sign-in with the token it prints); its OTLP receiver and resource service stay http on loopback, where
    /// the services and the AppHost reach them without trusting that CA.
    /// </summary>
    public static void UseDashboardOnPortMap(this IDistributedApplicationBuilder builder, AppHostOptions options, LocalCredentials credentials)
    {
        var offset = options.PortOffset;
        var scheme = options.DashboardHttps ? "https" : "http";
        SetDefault(builder, "ASPNETCORE_URLS", $"{scheme}://{ExchangePorts.Host}:{ExchangePorts.Dashboard + offset}");
        SetDefault(builder, "ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL", $"http://{ExchangePorts.Host}:{ExchangePorts.DashboardOtlp + offset}");
        SetDefault(builder, "ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL", $"http://{ExchangePorts.Host}:{ExchangePorts.DashboardResources + offset}");
        SetDefault(builder, "ASPIRE_ALLOW_UNSECURED_TRANSPORT", "true");
        if (options.DashboardHttps)
            builder.AddDashboardCertificate(credentials.Pki.CertificatePath(LocalCredentials.DashboardCertificate), credentials.Pki.KeyPath(LocalCredentials.DashboardCertificate));
    }

    private static void SetDefault(IDistributedApplicationBuilder builder, string key, string value)
    {
        if (string.IsNullOrEmpty(builder.Configuration[key]))
            builder.Configuration[key] = value;
    }

    /// <summary><c>Exchange:Redis</c> if given, else a local redis-server on the map's port (no persistence: a cache).</summary>
    public static string AddLocalRedis(this IDistributedApplicationBuilder builder, AppHostOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.Redis))
            return options.Redis;
        var port = ExchangePorts.Redis + options.PortOffset;
        builder.Services.AddHealthChecks().AddCheck("redis-ping", new RedisPingCheck(ExchangePorts.Host, port));
        builder.AddExecutable("redis", "redis-server", options.WorkingDirectory!,
                "--port", port.ToString(), "--bind", ExchangePorts.Host, "--save", "", "--appendonly", "no", "--loglevel", "warning")
            .WithHealthCheck("redis-ping");
        return $"{ExchangePorts.Host}:{port}";
    }

    public static IResourceBuilder<ExecutableResource> AddAdapter(this IDistributedApplicationBuilder builder, string department,
        IProjectMetadata project, int port, AppHostOptions options, CredentialParameters secrets) =>
        builder.AddExchangeService(department, project, options)
            .WithExchangeEndpoint("grpc", port + options.PortOffset, probe: true)
            .WithEnvironment("Urls", options.Https(port))
            // Each adapter fetches its exchange-context key from, and registers its licence issuer keys in, the catalog as its department's client.
            .WithEnvironment("Catalog__ClientId", department)
            .WithEnvironment("Catalog__ClientSecret", secrets.ClientSecret(department));

    /// <summary>
    /// One gateway on the gateway ports, or N instances (gRPC 7100+N, clerk page 7200+N, each with its own snapshots and
    /// SQLite audit log in <c>.data/gateway-N/</c>, or one shared PostgreSQL audit log, witnessing each other) behind the
    /// front balancer on the gateway port. The admin UI's statistics page asks every instance that keeps a log of its own.
    /// Returns what department systems call.
    /// </summary>
    public static IResourceBuilder<ExecutableResource> AddGateways(this IDistributedApplicationBuilder builder, AppHostOptions options,
        CredentialParameters secrets, string redis, Stores stores, IResourceBuilder<ExecutableResource> catalog, IResourceBuilder<ExecutableResource>[] adapters)
    {
        IResourceBuilder<ExecutableResource> Gateway(string name, int grpcPort, int webPort)
        {
            var gateway = builder.AddExchangeService(name, new Projects.Exchange_Gateway(), options)
                .WithExchangeEndpoint("grpc", grpcPort + options.PortOffset)
                .WithExchangeEndpoint("web", webPort + options.PortOffset, probe: true)
                .WithEnvironment("Kestrel__Endpoints__Grpc__Url", options.Https(grpcPort))
                .WithEnvironment("Kestrel__Endpoints__Web__Url", options.Https(webPort))
                .WithEnvironment("Catalog__Address", options.Https(ExchangePorts.CatalogGrpc))
                .WithEnvironment("Identity__Authority", options.Https(ExchangePorts.CatalogWeb) + "/")
                .WithEnvironment("Catalog__ClientSecret", secrets.ClientSecret("exchange-gateway"))
                .WithEnvironment("Redis__Configuration", redis)
                .WithEnvironment("Clerk__Accounts__clerk-ca__Password", secrets.Password("clerk-ca"))
                .WithEnvironment("Clerk__Accounts__clerk-ca__Department", "CIVIL-AFFAIRS")
                .WithEnvironment("Clerk__Accounts__clerk-ca__DisplayName", "婚姻登记处窗口")
                .WithUrl(options.Https(webPort) + "/clerk", "clerk page")
                .WaitFor(catalog);
            stores.Apply(gateway, "Audit", Stores.AuditDatabase);
            foreach (var adapter in adapters)
                gateway.WaitFor(adapter);
            if (builder.Resources.FirstOrDefault(r => r.Name == "redis") is ExecutableResource local)
                gateway.WaitFor(builder.CreateResourceBuilder(local));
            return gateway;
        }

        if (options.GatewayInstances == 1)
        {
            catalog.WithEnvironment("Admin__Gateways__0", options.Https(ExchangePorts.Gateway));
            return Gateway("gateway", ExchangePorts.Gateway, ExchangePorts.GatewayWeb);
        }

        var balancer = builder.AddExchangeService("gateway-balancer", new Projects.Exchange_Gateway_Balancer(), options)
            .WithExchangeEndpoint("grpc", ExchangePorts.Gateway + options.PortOffset, probe: true)
            .WithEnvironment("Kestrel__Endpoints__Grpc__Url", options.Https(ExchangePorts.Gateway));
        IResourceBuilder<ExecutableResource>? first = null;
        for (var i = 1; i <= options.GatewayInstances; i++)
        {
            var data = $".data/gateway-{i}";
            var instanceName = $"gateway-{i}";
            var instance = Gateway(instanceName, ExchangePorts.GatewayInstanceGrpcBase + i, ExchangePorts.GatewayInstanceWebBase + i)
                .WithEnvironment("Audit__WitnessName", instanceName)
                .WithEnvironment("Audit__WitnessKeyPath", $"{data}/witness.pem")
                .WithEnvironment("Audit__WitnessDirectory", $"{data}/witnessed")
                .WithEnvironment("Catalog__SnapshotPath", $"{data}/catalog-snapshot.pb")
                .WithEnvironment("Catalog__GrantSnapshotPath", $"{data}/grant-snapshot.pb")
                .WithEnvironment("Identity__KeysPath", $"{data}/identity-keys.json")
                .WithEnvironment("Licences__IssuerKeySnapshotPath", $"{data}/issuer-keys.pb");
            if (!stores.SharedAudit)
            {
                // A log of its own: its own file and log id, and the statistics page adds its counts to the others'.
                instance.WithEnvironment("ConnectionStrings__Audit", $"Data Source={data}/audit.db")
                    .WithEnvironment("Audit__LogId", instanceName);
                catalog.WithEnvironment($"Admin__Gateways__{i - 1}", options.Https(ExchangePorts.GatewayInstanceGrpcBase + i));
            }
            var k = 0;
            for (var j = 1; j <= options.GatewayInstances; j++)
            {
                if (j != i)
                    instance.WithEnvironment($"Audit__Witnesses__{k++}", options.Https(ExchangePorts.GatewayInstanceGrpcBase + j));
            }
            // The first instance creates the shared audit signing key; the others must find it, not race it.
            if (first is null)
                first = instance;
            else
                instance.WaitFor(first);
            balancer.WithEnvironment($"ReverseProxy__Clusters__gateways__Destinations__gateway-{i}__Address", options.Https(ExchangePorts.GatewayInstanceGrpcBase + i))
                .WaitFor(instance);
        }
        // One shared log: any instance answers for all of it, so the page asks the balancer (Admin:GatewayAddress) alone.
        return balancer;
    }

    /// <summary>
    /// The holders' portal (department PORTAL): holders sign in at the catalog and it calls the gateway with each holder's
    /// own token, so it needs the catalog's web address and what department systems call.
    /// </summary>
    public static IResourceBuilder<ExecutableResource> AddPortal(this IDistributedApplicationBuilder builder, AppHostOptions options,
        CredentialParameters secrets, IResourceBuilder<ExecutableResource> catalog, IResourceBuilder<ExecutableResource> gateway) =>
        builder.AddExchangeService("portal", new Projects.Exchange_Portal(), options)
            .WithExchangeEndpoint("web", ExchangePorts.Portal + options.PortOffset, probe: true)
            .WithEnvironment("Kestrel__Endpoints__Web__Url", options.Https(ExchangePorts.Portal))
            .WithEnvironment("Portal__Authority", options.Https(ExchangePorts.CatalogWeb) + "/")
            .WithEnvironment("Portal__GatewayAddress", options.Https(ExchangePorts.Gateway))
            .WithEnvironment("Portal__CatalogAddress", options.Https(ExchangePorts.CatalogGrpc))
            .WithEnvironment("Portal__ClientSecret", secrets.ClientSecret("exchange-portal"))
            .WithUrl(options.Https(ExchangePorts.Portal), "holders' portal")
            .WaitFor(catalog)
            .WaitFor(gateway);

    /// <summary>Once what department systems call is ready, the addresses people need go to the AppHost's console (no secrets: where they are).</summary>
    public static void AnnounceWhenReady(this IDistributedApplicationBuilder builder, IResourceBuilder<ExecutableResource> front,
        AppHostOptions options, LocalCredentials credentials)
    {
        builder.Eventing.Subscribe<ResourceReadyEvent>(front.Resource, (ready, _) =>
        {
            var logger = ready.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Exchange.AppHost");
            var clerk = options.GatewayInstances == 1
                ? options.Https(ExchangePorts.GatewayWeb) + "/clerk"
                : options.Https(ExchangePorts.GatewayInstanceWebBase + 1) + "/clerk (one per instance, its own port)";
            LogRunning(logger, options.Https(ExchangePorts.Gateway), options.Https(ExchangePorts.CatalogWeb) + "/admin", clerk, options.Https(ExchangePorts.Portal),
                credentials.CredentialsDirectory, credentials.Pki.CaCertificatePath);
            return Task.CompletedTask;
        });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = """
        Exchange is running.
          gateway (department systems call this)  {Gateway}   gRPC over TLS; try: scripts/exchange resident 330106198812153739
          admin web UI                            {Admin}   sign in as admin or reviewer-civil-affairs
          e-licence clerk page                    {Clerk}   sign in as clerk-ca
          holders' portal (phones welcome)        {Portal}   a citizen signs in with a one-time code from the catalog's log
          passwords and client secrets            {Credentials}/ (admin.password, clerk-ca.password, ...; scripts/exchange finds the secrets)
          exchange CA (trust it in clients)       {Ca}
        Press Ctrl-C to stop.
        """)]
    private static partial void LogRunning(ILogger logger, string gateway, string admin, string clerk, string portal, string credentials, string ca);
}

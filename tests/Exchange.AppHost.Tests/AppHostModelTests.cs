using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Exchange.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace Exchange.AppHost.Tests;

/// <summary>
/// What the AppHost would run, read from its model without starting anything: which resources, on which ports of the
/// map, and the environment each service gets (several gateways behind the balancer, PostgreSQL instead of SQLite).
/// </summary>
public sealed class AppHostModelTests
{
    [Fact]
    public async Task One_gateway_listens_on_the_port_map_and_every_peer_address_comes_from_it()
    {
        await using var model = await AppHostModel.BuildAsync();

        Assert.Equal(ExchangePorts.Gateway, model.Port("gateway", "grpc"));
        Assert.Equal(ExchangePorts.GatewayWeb, model.Port("gateway", "web"));
        Assert.Equal(ExchangePorts.CatalogGrpc, model.Port("catalog", "grpc"));
        Assert.Equal(ExchangePorts.CatalogWeb, model.Port("catalog", "web"));
        Assert.Equal(ExchangePorts.PublicSecurity, model.Port("public-security", "grpc"));
        Assert.Equal(ExchangePorts.MarketRegulation, model.Port("market-regulation", "grpc"));
        Assert.Equal(ExchangePorts.CivilAffairs, model.Port("civil-affairs", "grpc"));
        Assert.Equal(ExchangePorts.Portal, model.Port("portal", "web"));
        Assert.DoesNotContain("gateway-balancer", model.Names);
        Assert.DoesNotContain("postgres", model.Names);
        // The adapters seed while the catalog starts (they retry until it answers); the gateway waits for all of them.
        foreach (var adapter in new[] { "public-security", "market-regulation", "civil-affairs" })
        {
            Assert.DoesNotContain("catalog", model.WaitsFor(adapter));
            Assert.Contains(adapter, model.WaitsFor("gateway"));
        }
        Assert.Contains("catalog", model.WaitsFor("gateway"));

        var gateway = await model.EnvironmentAsync("gateway");
        Assert.Equal("https://127.0.0.1:7001", gateway["Catalog__Address"]);
        Assert.Equal("https://127.0.0.1:7002/", gateway["Identity__Authority"]);
        Assert.False(gateway.ContainsKey("ConnectionStrings__Audit"), "SQLite: the gateway keeps its default audit file");
        var catalog = await model.EnvironmentAsync("catalog");
        Assert.Equal("https://127.0.0.1:7000", catalog["Admin__Gateways__0"]);
        Assert.Equal("https://127.0.0.1:7013", catalog["Catalog__Seed__Endpoints__CIVIL-AFFAIRS"]);
        Assert.False(catalog.ContainsKey("ConnectionStrings__Catalog"));
        var portal = await model.EnvironmentAsync("portal");
        Assert.Equal("https://127.0.0.1:7000", portal["Portal__GatewayAddress"]);
    }

    [Fact]
    public async Task Two_gateway_instances_stand_behind_the_balancer_each_with_its_own_audit_log()
    {
        await using var model = await AppHostModel.BuildAsync("--Exchange:GatewayInstances=2");

        Assert.DoesNotContain("gateway", model.Names);
        Assert.Equal(ExchangePorts.Gateway, model.Port("gateway-balancer", "grpc"));
        Assert.Equal(ExchangePorts.GatewayInstanceGrpcBase + 1, model.Port("gateway-1", "grpc"));
        Assert.Equal(ExchangePorts.GatewayInstanceWebBase + 2, model.Port("gateway-2", "web"));

        var balancer = await model.EnvironmentAsync("gateway-balancer");
        Assert.Equal("https://127.0.0.1:7101", balancer["ReverseProxy__Clusters__gateways__Destinations__gateway-1__Address"]);
        Assert.Equal("https://127.0.0.1:7102", balancer["ReverseProxy__Clusters__gateways__Destinations__gateway-2__Address"]);
        Assert.Equal(["gateway-1", "gateway-2"], model.WaitsFor("gateway-balancer").Where(n => n.StartsWith("gateway", StringComparison.Ordinal)).Order());

        var first = await model.EnvironmentAsync("gateway-1");
        var second = await model.EnvironmentAsync("gateway-2");
        Assert.Equal("gateway-1", first["Audit__LogId"]);
        Assert.Equal("gateway-2", second["Audit__LogId"]);
        Assert.Equal("Data Source=.data/gateway-2/audit.db", second["ConnectionStrings__Audit"]);
        Assert.Equal("https://127.0.0.1:7102", first["Audit__Witnesses__0"]);
        Assert.Equal("https://127.0.0.1:7101", second["Audit__Witnesses__0"]);
        // The second finds the shared audit signing key the first makes, rather than racing it.
        Assert.Contains("gateway-1", model.WaitsFor("gateway-2"));

        var catalog = await model.EnvironmentAsync("catalog");
        Assert.Equal("https://127.0.0.1:7000", catalog["Admin__GatewayAddress"]);
        Assert.Equal("https://127.0.0.1:7101", catalog["Admin__Gateways__0"]);
        Assert.Equal("https://127.0.0.1:7102", catalog["Admin__Gateways__1"]);
        var portal = await model.EnvironmentAsync("portal");
        Assert.Equal("https://127.0.0.1:7000", portal["Portal__GatewayAddress"]);
    }

    [Fact]
    public async Task Store_PostgreSql_runs_a_local_server_and_gives_the_catalog_and_every_gateway_a_database_on_it()
    {
        await using var model = await AppHostModel.BuildAsync("--Exchange:Store=PostgreSql", "--Exchange:GatewayInstances=2");

        Assert.Contains("postgres", model.Names);
        var password = (await File.ReadAllTextAsync(Path.Combine(model.WorkingDirectory, ".data", "credentials", "postgres.password"))).Trim();
        var catalog = await model.EnvironmentAsync("catalog");
        Assert.Equal($"Host=127.0.0.1;Port=7432;Username=exchange;Password={password};Database=exchange_catalog", catalog["ConnectionStrings__Catalog"]);
        Assert.Contains("postgres", model.WaitsFor("catalog"));
        Assert.False(catalog.ContainsKey("Admin__Gateways__0"), "one shared audit log: the statistics page asks one gateway, not each");
        foreach (var instance in new[] { "gateway-1", "gateway-2" })
        {
            var gateway = await model.EnvironmentAsync(instance);
            Assert.Equal($"Host=127.0.0.1;Port=7432;Username=exchange;Password={password};Database=exchange_audit", gateway["ConnectionStrings__Audit"]);
            Assert.False(gateway.ContainsKey("Audit__LogId"), "instances sharing one audit log share its log id");
            Assert.Contains("postgres", model.WaitsFor(instance));
        }
        // The password reaches the services in their environment only, never on a command line.
        Assert.DoesNotContain(password, await model.CommandLineAsync("postgres"));
    }

    [Fact]
    public async Task A_postgres_server_parameter_replaces_the_local_server()
    {
        await using var model = await AppHostModel.BuildAsync("--Exchange:Store=PostgreSql", "--Parameters:postgres-server=Host=db.example;Username=exchange;Password=s3cret");

        Assert.DoesNotContain("postgres", model.Names);
        var catalog = await model.EnvironmentAsync("catalog");
        Assert.Equal("Host=db.example;Username=exchange;Password=s3cret;Database=exchange_catalog", catalog["ConnectionStrings__Catalog"]);
        var gateway = await model.EnvironmentAsync("gateway");
        Assert.Equal("Host=db.example;Username=exchange;Password=s3cret;Database=exchange_audit", gateway["ConnectionStrings__Audit"]);
    }
}

/// <summary>The AppHost's model built (not started) in a working directory of its own, deleted on dispose.</summary>
internal sealed class AppHostModel : IAsyncDisposable
{
    private readonly DistributedApplication _app;
    private readonly DistributedApplicationModel _model;

    private AppHostModel(DistributedApplication app, string workingDirectory)
    {
        _app = app;
        _model = app.Services.GetRequiredService<DistributedApplicationModel>();
        WorkingDirectory = workingDirectory;
    }

    public string WorkingDirectory { get; }

    public IReadOnlyList<string> Names => [.. _model.Resources.Select(r => r.Name)];

    public static async Task<AppHostModel> BuildAsync(params string[] arguments)
    {
        var workingDirectory = Directory.CreateTempSubdirectory("exchange-apphost-model-").FullName;
        // The testing builder runs the AppHost's Main, whose Run() starts the built model in the background. Without the
        // orchestrator (a path where it is not) that start fails at once, so nothing runs; and disposing the model no
        // longer waits the host's 30-second shutdown timeout for a start that was never going to finish.
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Exchange_AppHost>(
            [$"--Exchange:WorkingDirectory={workingDirectory}", "--DcpPublisher:CliPath=/nonexistent/dcp", .. arguments],
            TestContext.Current.CancellationToken);
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(1));
        return new AppHostModel(await builder.BuildAsync(TestContext.Current.CancellationToken), workingDirectory);
    }

    public int? Port(string resource, string endpoint) =>
        Resource(resource).Annotations.OfType<EndpointAnnotation>().Single(e => e.Name == endpoint).Port;

    public IEnumerable<string> WaitsFor(string resource) =>
        Resource(resource).Annotations.OfType<WaitAnnotation>().Select(w => w.Resource.Name);

    public async Task<Dictionary<string, string>> EnvironmentAsync(string resource)
    {
        var configuration = await ConfigurationAsync(resource);
        return configuration.EnvironmentVariables.ToDictionary(kv => kv.Key, kv => kv.Value);
    }

    public async Task<string> CommandLineAsync(string resource) => string.Join(' ', (await ConfigurationAsync(resource)).Arguments);

    /// <summary>What the orchestrator would give the resource: its environment and arguments with every parameter resolved.</summary>
    private Task<IExecutionConfigurationResult> ConfigurationAsync(string resource) =>
        ExecutionConfigurationBuilder.Create(Resource(resource))
            .WithEnvironmentVariablesConfig()
            .WithArgumentsConfig()
            .BuildAsync(_app.Services.GetRequiredService<DistributedApplicationExecutionContext>(), NullLogger.Instance, TestContext.Current.CancellationToken);

    private IResource Resource(string name) => _model.Resources.Single(r => r.Name == name);

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        Directory.Delete(WorkingDirectory, recursive: true);
    }
}

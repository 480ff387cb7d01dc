using Exchange.Ports;

namespace Exchange.AppHost;

/// <summary>
/// Where the catalog and the gateways keep their stores. SQLite (the default): each service's own file in <c>.data/</c>,
/// nothing to pass. PostgreSQL: <c>ConnectionStrings__Catalog</c> and <c>__Audit</c> name a database each on one server
/// (the services create and migrate them), a secret in the environment, never on a command line.
/// </summary>
internal sealed class Stores
{
    private readonly Func<string, ReferenceExpression>? _database;
    private readonly IResourceBuilder<IResource>? _server;

    private Stores(Func<string, ReferenceExpression>? database, IResourceBuilder<IResource>? server)
    {
        _database = database;
        _server = server;
    }

    public const string CatalogDatabase = "exchange_catalog";
    public const string AuditDatabase = "exchange_audit";

    /// <summary>Gateway instances share one audit log (one chain, one log id) instead of keeping one each.</summary>
    public bool SharedAudit => _database is not null;

    public static Stores Sqlite { get; } = new(null, null);

    public static Stores PostgreSql(Func<string, ReferenceExpression> database, IResourceBuilder<IResource>? server) => new(database, server);

    /// <summary>Points the service's <c>ConnectionStrings:&lt;name&gt;</c> at its database, and waits for the AppHost's server if it runs one.</summary>
    public IResourceBuilder<ExecutableResource> Apply(IResourceBuilder<ExecutableResource> service, string connectionName, string database)
    {
        if (_database is null)
            return service;
        service.WithEnvironment($"ConnectionStrings__{connectionName}", _database(database));
        return _server is null ? service : service.WaitFor(_server);
    }
}

internal static class StoreExtensions
{
    /// <summary>
    /// The stores <c>Exchange:Store</c> asks for: SQLite; PostgreSQL on the server in the secret parameter
    /// <c>postgres-server</c> (<c>--Parameters:postgres-server="Host=…;Username=…;Password=…"</c>); or else PostgreSQL on
    /// a server of the AppHost's own (<see cref="LocalPostgres"/>).
    /// </summary>
    public static Stores AddStores(this IDistributedApplicationBuilder builder, AppHostOptions options, LocalCredentials credentials)
    {
        if (options.Store == ExchangeStore.Sqlite)
            return Stores.Sqlite;
        if (!string.IsNullOrWhiteSpace(builder.Configuration["Parameters:postgres-server"]))
        {
            var server = builder.AddParameter("postgres-server", secret: true);
            return Stores.PostgreSql(database => ReferenceExpression.Create($"{server.Resource};Database={database}"), null);
        }
        var local = builder.AddLocalPostgres(options, credentials);
        return Stores.PostgreSql(local.ConnectionString, local.Server);
    }
}

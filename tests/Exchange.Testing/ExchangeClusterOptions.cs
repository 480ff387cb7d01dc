namespace Exchange.Testing;

/// <summary>Extra settings for a cluster's services, for tests that need, say, short token lifetimes or tight rate limits.</summary>
public sealed record ExchangeClusterOptions
{
    public IReadOnlyDictionary<string, string> CatalogSettings { get; init; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> GatewaySettings { get; init; } = new Dictionary<string, string>();

    /// <summary>Extra settings for each of the three adapters.</summary>
    public IReadOnlyDictionary<string, string> AdapterSettings { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// How many gateway instances to start, each with its own snapshots, on the same catalog, signing key and Redis;
    /// each with its own audit store on SQLite, all sharing one on PostgreSQL (<see cref="Postgres"/>). With more than one the cluster also starts the front balancer over them (<see cref="ExchangeCluster.Front"/>).
    /// </summary>
    public int GatewayInstances { get; init; } = 1;

    /// <summary>Extra settings of the front balancer (section <c>ReverseProxy</c>), when there is one.</summary>
    public IReadOnlyDictionary<string, string> BalancerSettings { get; init; } = new Dictionary<string, string>();

    /// <summary>Whether the cluster starts a Redis for the gateways' licence cache (as scripts/run.sh does); true by default.</summary>
    public bool WithRedis { get; init; } = true;

    /// <summary>Starts the holders' portal (<see cref="ExchangeCluster.Portal"/>) after the gateway.</summary>
    public bool WithPortal { get; init; }

    /// <summary>
    /// When set, the catalog, the adapters and the gateways' audit log keep their stores in databases of their own on
    /// this PostgreSQL server, not in SQLite files (the gateway instances of the cluster share one audit database).
    /// </summary>
    public PostgresServer? Postgres { get; init; }
}

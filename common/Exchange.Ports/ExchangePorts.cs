namespace Exchange.Ports;

/// <summary>
/// Where each Exchange service listens on one machine (loopback, TLS). The AppHost passes every address to the services
/// through configuration; these are also the services' defaults when started alone, so no other file names a port.
/// </summary>
public static class ExchangePorts
{
    public const string Host = "127.0.0.1";

    /// <summary>The gateway's gRPC endpoint (what department systems call), or the front balancer with several gateways.</summary>
    public const int Gateway = 7000;
    public const int CatalogGrpc = 7001;
    /// <summary>The catalog's HTTP/1.1 endpoint: OAuth2 token endpoint, discovery, admin UI.</summary>
    public const int CatalogWeb = 7002;
    /// <summary>The gateway's HTTP/1.1 endpoint: the clerk's licence verification page.</summary>
    public const int GatewayWeb = 7003;
    public const int PublicSecurity = 7011;
    public const int MarketRegulation = 7012;
    public const int CivilAffairs = 7013;
    /// <summary>The holder portal (HTTPS).</summary>
    public const int Portal = 7030;
    /// <summary>The Aspire dashboard (https on loopback, certificate from the local exchange CA), its OTLP receiver and its resource service (http on loopback).</summary>
    public const int Dashboard = 7040;
    public const int DashboardOtlp = 7041;
    public const int DashboardResources = 7042;
    /// <summary>Gateway instance N (1-9) of several behind the balancer: gRPC on 7100+N, clerk page on 7200+N.</summary>
    public const int GatewayInstanceGrpcBase = 7100;
    public const int GatewayInstanceWebBase = 7200;
    public const int Redis = 7379;
    /// <summary>The AppHost's own PostgreSQL server (<c>--Exchange:Store=PostgreSql</c>).</summary>
    public const int PostgreSql = 7432;

    /// <summary><c>https://127.0.0.1:port</c>, shifted by <paramref name="offset"/> (a test running a whole AppHost beside a local one).</summary>
    public static Uri Https(int port, int offset = 0) => new($"https://{Host}:{port + offset}");

    public static Uri GatewayAddress => Https(Gateway);
    public static Uri CatalogAddress => Https(CatalogGrpc);
    public static Uri CatalogWebAddress => Https(CatalogWeb);
    public static Uri TokenEndpoint => new(CatalogWebAddress, "/connect/token");
}

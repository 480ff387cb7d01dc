namespace Exchange.Testing;

/// <summary>The deployable services of Exchange, with where their build output lives.</summary>
public enum ExchangeService
{
    Gateway,
    /// <summary>The YARP front of several gateway instances on one machine (gateway/Exchange.Gateway.Balancer).</summary>
    GatewayBalancer,
    Catalog,
    PublicSecurity,
    MarketRegulation,
    CivilAffairs,
    /// <summary>The holders' portal (portal/Exchange.Portal): one HTTPS endpoint, "Web", HTTP/1.1 and HTTP/2.</summary>
    Portal,
}

public static class ExchangeServiceExtensions
{
    public static string ProjectName(this ExchangeService service) => service switch
    {
        ExchangeService.Gateway => "Exchange.Gateway",
        ExchangeService.GatewayBalancer => "Exchange.Gateway.Balancer",
        ExchangeService.Catalog => "Exchange.Catalog",
        ExchangeService.Portal => "Exchange.Portal",
        _ => $"Exchange.Adapters.{service}",
    };

    /// <summary>Services with a second, HTTP/1.1 endpoint for browsers (catalog admin and OAuth2, gateway clerk page; Kestrel endpoint "Web").</summary>
    public static bool HasWebEndpoint(this ExchangeService service) => service is ExchangeService.Catalog or ExchangeService.Gateway;

    public static string Folder(this ExchangeService service) => service switch
    {
        ExchangeService.Gateway or ExchangeService.GatewayBalancer => "gateway",
        ExchangeService.Catalog => "catalog",
        ExchangeService.Portal => "portal",
        _ => "adapters",
    };
}

namespace Exchange.Testing;

/// <summary>The deployable services of Exchange, with where their build output lives.</summary>
public enum ExchangeService
{
    Gateway,
    Catalog,
    PublicSecurity,
    MarketRegulation,
    CivilAffairs,
}

public static class ExchangeServiceExtensions
{
    public static string ProjectName(this ExchangeService service) => service switch
    {
        ExchangeService.Gateway => "Exchange.Gateway",
        ExchangeService.Catalog => "Exchange.Catalog",
        _ => $"Exchange.Adapters.{service}",
    };

    /// <summary>Services with a second, HTTP/1.1 endpoint for browsers and OAuth2 (Kestrel endpoint "Web").</summary>
    public static bool HasWebEndpoint(this ExchangeService service) => service == ExchangeService.Catalog;

    public static string Folder(this ExchangeService service) => service switch
    {
        ExchangeService.Gateway => "gateway",
        ExchangeService.Catalog => "catalog",
        _ => "adapters",
    };
}

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

    public static string Folder(this ExchangeService service) => service switch
    {
        ExchangeService.Gateway => "gateway",
        ExchangeService.Catalog => "catalog",
        _ => "adapters",
    };
}

using Exchange.ServiceDefaults.Options;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Exchange.Ports;

namespace Exchange.Catalog.Seeding;

/// <summary>Settings of the first-start seed, section Catalog:Seed.</summary>
public sealed class CatalogSeedOptions
{
    public const string Section = "Catalog:Seed";

    /// <summary>Seeds the three founding departments and their resources when the store is empty.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Where each department's adapter listens, keyed by department code.</summary>
    [ValidateObjectMembers]
    public SeedEndpoints Endpoints { get; set; } = new();
}

/// <summary>The gRPC endpoint of each seeded provider department (Catalog:Seed:Endpoints:&lt;DEPARTMENT-CODE&gt;).</summary>
public sealed class SeedEndpoints
{
    [ConfigurationKeyName("PUBLIC-SECURITY"), HttpUrl(ErrorMessage = "Catalog:Seed:Endpoints:PUBLIC-SECURITY must be an absolute http or https URI.")]
    public string PublicSecurity { get; set; } = ExchangePorts.Https(ExchangePorts.PublicSecurity).ToString().TrimEnd('/');

    [ConfigurationKeyName("MARKET-REGULATION"), HttpUrl(ErrorMessage = "Catalog:Seed:Endpoints:MARKET-REGULATION must be an absolute http or https URI.")]
    public string MarketRegulation { get; set; } = ExchangePorts.Https(ExchangePorts.MarketRegulation).ToString().TrimEnd('/');

    [ConfigurationKeyName("CIVIL-AFFAIRS"), HttpUrl(ErrorMessage = "Catalog:Seed:Endpoints:CIVIL-AFFAIRS must be an absolute http or https URI.")]
    public string CivilAffairs { get; set; } = ExchangePorts.Https(ExchangePorts.CivilAffairs).ToString().TrimEnd('/');

    public IEnumerable<(string DepartmentCode, string Endpoint)> All() =>
    [
        (SeedCatalog.PublicSecurity, PublicSecurity),
        (SeedCatalog.MarketRegulation, MarketRegulation),
        (SeedCatalog.CivilAffairs, CivilAffairs),
    ];
}

[OptionsValidator]
internal sealed partial class CatalogSeedOptionsValidator : IValidateOptions<CatalogSeedOptions>;

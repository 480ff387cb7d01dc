using System.ComponentModel.DataAnnotations;
using Exchange.Ports;

namespace Exchange.Portal.Identity;

/// <summary>Section Portal: where holders sign in, the portal's client there, and the gateway it calls.</summary>
public sealed class PortalOptions
{
    public const string Section = "Portal";

    /// <summary>The catalog's OpenID Connect issuer (its Web endpoint).</summary>
    [Required]
    public Uri? Authority { get; set; } = new(ExchangePorts.CatalogWebAddress, "/");

    [Required]
    public string ClientId { get; set; } = "exchange-portal";

    /// <summary>The client secret (Portal__ClientSecret from the environment; never committed).</summary>
    [Required]
    public string? ClientSecret { get; set; }

    /// <summary>The gateway's gRPC endpoint.</summary>
    [Required]
    public Uri? GatewayAddress { get; set; } = ExchangePorts.GatewayAddress;

    /// <summary>The catalog's gRPC endpoint: the witness whose checkpoint the usage page proves records against.</summary>
    [Required]
    public Uri? CatalogAddress { get; set; } = ExchangePorts.CatalogAddress;

    /// <summary>The case number the portal's own lookups carry (x-exchange-case): the holder's self-service.</summary>
    [Required]
    public string CaseNumber { get; set; } = "PORTAL-本人查询";

    [Required]
    public string Purpose { get; set; } = "持证人本人查询";
}

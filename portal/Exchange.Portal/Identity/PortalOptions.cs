using System.ComponentModel.DataAnnotations;
using Exchange.Ports;
using Exchange.ServiceDefaults.Options;
using Microsoft.Extensions.Options;

namespace Exchange.Portal.Identity;

/// <summary>Section Portal: where holders sign in, the portal's client there, and the gateway it calls.</summary>
public sealed class PortalOptions
{
    public const string Section = "Portal";

    /// <summary>The catalog's OpenID Connect issuer (its Web endpoint).</summary>
    [Required(ErrorMessage = "Portal:Authority must be set."), HttpUrl(ErrorMessage = "Portal:Authority must be an absolute URL.")]
    public Uri? Authority { get; set; } = new(ExchangePorts.CatalogWebAddress, "/");

    [Required(ErrorMessage = "Portal:ClientId must name the portal's client at the catalog.")]
    public string ClientId { get; set; } = "exchange-portal";

    /// <summary>The client secret (Portal__ClientSecret from the environment; never committed).</summary>
    [Required(ErrorMessage = "Portal:ClientSecret must be set (Portal__ClientSecret in the environment).")]
    public string? ClientSecret { get; set; }

    /// <summary>The gateway's gRPC endpoint.</summary>
    [Required(ErrorMessage = "Portal:GatewayAddress must be set."), HttpUrl(ErrorMessage = "Portal:GatewayAddress must be an absolute URL.")]
    public Uri? GatewayAddress { get; set; } = ExchangePorts.GatewayAddress;

    /// <summary>The catalog's gRPC endpoint: the witness whose checkpoint the usage page proves records against.</summary>
    [Required(ErrorMessage = "Portal:CatalogAddress must be set."), HttpUrl(ErrorMessage = "Portal:CatalogAddress must be an absolute URL.")]
    public Uri? CatalogAddress { get; set; } = ExchangePorts.CatalogAddress;

    /// <summary>The case number the portal's own lookups carry (x-exchange-case): the holder's self-service.</summary>
    [Required(ErrorMessage = "Portal:CaseNumber must be set.")]
    public string CaseNumber { get; set; } = "PORTAL-本人查询";

    [Required(ErrorMessage = "Portal:Purpose must be set.")]
    public string Purpose { get; set; } = "持证人本人查询";
}

[OptionsValidator]
internal sealed partial class PortalOptionsValidator : IValidateOptions<PortalOptions>;

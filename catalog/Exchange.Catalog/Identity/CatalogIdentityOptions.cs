using System.ComponentModel.DataAnnotations;
using Exchange.ServiceDefaults.Options;
using Microsoft.Extensions.Options;

namespace Exchange.Catalog.Identity;

/// <summary>Settings of the catalog's OAuth2 token server, section Identity.</summary>
public sealed class CatalogIdentityOptions
{
    public const string Section = "Identity";

    /// <summary>
    /// The issuer (iss) of every token and the base of discovery. When not set, the Web endpoint's URL
    /// (Kestrel:Endpoints:Web:Url), so a catalog moved to other ports stays consistent; else https://127.0.0.1:7002/.
    /// </summary>
    [Required(ErrorMessage = IssuerMessage), HttpUrl(ErrorMessage = IssuerMessage)]
    public Uri? Issuer { get; set; }

    [TimeSpanRange("00:00:00", MinimumIsExclusive = true, ErrorMessage = "Identity:AccessTokenLifetime must be positive.")]
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Where the signing key ring and the token encryption key live, relative to the working directory.</summary>
    [Required(ErrorMessage = "Identity:KeyDirectory must name the directory of the signing keys and the token encryption key.")]
    public string KeyDirectory { get; set; } = ".data/catalog/keys";

    /// <summary>A new signing key is made when the newest is older than this; older keys stay published for validation.</summary>
    [TimeSpanRange("00:00:00", MinimumIsExclusive = true, ErrorMessage = "Identity:SigningKeyRotation must be positive.")]
    public TimeSpan SigningKeyRotation { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Secrets of the seeded clients by client id (Identity:Clients:&lt;client-id&gt;:Secret). Never committed.</summary>
    public Dictionary<string, ClientSecretOptions> Clients { get; set; } = new(StringComparer.Ordinal);

    private const string IssuerMessage = "Identity:Issuer must be an absolute http or https URI.";
}

[OptionsValidator]
internal sealed partial class CatalogIdentityOptionsValidator : IValidateOptions<CatalogIdentityOptions>;

public sealed class ClientSecretOptions
{
    public string? Secret { get; set; }

    /// <summary>Where a holder client (the portal) receives its authorization codes, e.g. https://127.0.0.1:7030/signin-oidc.</summary>
    public Uri? RedirectUri { get; set; }

    /// <summary>Where it may send the holder after signing out.</summary>
    public Uri? PostLogoutRedirectUri { get; set; }
}

using System.ComponentModel.DataAnnotations;

namespace Exchange.Catalog.Identity;

/// <summary>Settings of the catalog's OAuth2 token server, section Identity.</summary>
public sealed class CatalogIdentityOptions
{
    public const string Section = "Identity";

    /// <summary>
    /// The issuer (iss) of every token and the base of discovery. When not set, the Web endpoint's URL
    /// (Kestrel:Endpoints:Web:Url), so a catalog moved to other ports stays consistent; else https://127.0.0.1:7002/.
    /// </summary>
    public Uri? Issuer { get; set; }

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Where the signing key ring lives, relative to the working directory.</summary>
    [Required]
    public string KeyDirectory { get; set; } = ".data/catalog/keys";

    /// <summary>A new signing key is made when the newest is older than this; older keys stay published for validation.</summary>
    public TimeSpan SigningKeyRotation { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Secrets of the seeded clients by client id (Identity:Clients:&lt;client-id&gt;:Secret). Never committed.</summary>
    public Dictionary<string, ClientSecretOptions> Clients { get; set; } = new(StringComparer.Ordinal);
}

public sealed class ClientSecretOptions
{
    public string? Secret { get; set; }

    /// <summary>Where a holder client (the portal) receives its authorization codes, e.g. https://127.0.0.1:7030/signin-oidc.</summary>
    public Uri? RedirectUri { get; set; }

    /// <summary>Where it may send the holder after signing out.</summary>
    public Uri? PostLogoutRedirectUri { get; set; }
}

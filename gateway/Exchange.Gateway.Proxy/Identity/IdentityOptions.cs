using Exchange.Ports;

namespace Exchange.Gateway.Identity;

/// <summary>How the gateway checks bearer tokens issued by the catalog. Section <c>Identity</c>.</summary>
public sealed class IdentityOptions
{
    public const string Section = "Identity";

    /// <summary>The catalog's OAuth2 issuer; discovery and signing keys are read from it over HTTP/1.1.</summary>
    public Uri Authority { get; set; } = new(ExchangePorts.CatalogWebAddress, "/");

    /// <summary>The audience every token for calls through the gateway must carry.</summary>
    public string Audience { get; set; } = "exchange-gateway";

    /// <summary>
    /// Audiences the gateway's own audit API also accepts besides <see cref="Audience"/>. Empty by default: the
    /// catalog-admin client asks for the gateway scope to read the audit log.
    /// </summary>
    public string[] AuditAudiences { get; set; } = [];

    /// <summary>Tolerance for clock differences between the catalog and the gateway when checking token lifetimes.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the signing keys are re-read in any case.</summary>
    public TimeSpan KeysRefreshInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Shortest wait between two re-reads caused by a token signed with an unknown key (a key rollover at the
    /// catalog); bounds the load a flood of forged tokens can put on the catalog.
    /// </summary>
    public TimeSpan UnknownKeyRefreshInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Last copy of the catalog's discovery document and public signing keys, used while the catalog is unreachable.</summary>
    public string KeysPath { get; set; } = ".data/gateway/identity-keys.json";

    /// <summary>
    /// How many validated tokens the gateway remembers (each until its own expiry), so a consumer's repeated token is
    /// not signature-checked on every call. 0 checks every call in full.
    /// </summary>
    public int ValidatedTokenCacheSize { get; set; } = 10_000;

    public Uri TokenEndpoint => new(Authority, "connect/token");
}

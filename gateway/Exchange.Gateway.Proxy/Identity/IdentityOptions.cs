using System.ComponentModel.DataAnnotations;
using Exchange.Ports;
using Exchange.ServiceDefaults.Options;
using Microsoft.Extensions.Options;

namespace Exchange.Gateway.Identity;

/// <summary>How the gateway checks bearer tokens issued by the catalog. Section <c>Identity</c>.</summary>
public sealed class IdentityOptions : IValidatableObject
{
    public const string Section = "Identity";

    /// <summary>The catalog's OAuth2 issuer; discovery and signing keys are read from it over HTTP/1.1.</summary>
    [Required(ErrorMessage = AuthorityMessage), HttpUrl(ErrorMessage = AuthorityMessage)]
    public Uri Authority { get; set; } = new(ExchangePorts.CatalogWebAddress, "/");

    /// <summary>The audience every token for calls through the gateway must carry.</summary>
    [Required(ErrorMessage = "Identity:Audience must not be empty.")]
    public string Audience { get; set; } = "exchange-gateway";

    /// <summary>
    /// Audiences the gateway's own audit API also accepts besides <see cref="Audience"/>. Empty by default: the
    /// catalog-admin client asks for the gateway scope to read the audit log.
    /// </summary>
    public string[] AuditAudiences { get; set; } = [];

    /// <summary>Tolerance for clock differences between the catalog and the gateway when checking token lifetimes.</summary>
    [TimeSpanRange("00:00:00", "00:05:00", ErrorMessage = "Identity:ClockSkew must be between 0 and 5 minutes.")]
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the signing keys are re-read in any case.</summary>
    [TimeSpanRange("00:00:01", ErrorMessage = "Identity:KeysRefreshInterval must be at least one second.")]
    public TimeSpan KeysRefreshInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Shortest wait between two re-reads caused by a token signed with an unknown key (a key rollover at the
    /// catalog); bounds the load a flood of forged tokens can put on the catalog.
    /// </summary>
    [TimeSpanRange("00:00:01", ErrorMessage = "Identity:UnknownKeyRefreshInterval must be at least one second.")]
    public TimeSpan UnknownKeyRefreshInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Last copy of the catalog's discovery document and public signing keys, used while the catalog is unreachable.</summary>
    [Required(ErrorMessage = "Identity:KeysPath must name a file.")]
    public string KeysPath { get; set; } = ".data/gateway/identity-keys.json";

    /// <summary>
    /// How many validated tokens the gateway remembers (each until its own expiry), so a consumer's repeated token is
    /// not signature-checked on every call. 0 checks every call in full.
    /// </summary>
    [NumberRange(0, 1_000_000, ErrorMessage = "Identity:ValidatedTokenCacheSize must be between 0 and 1000000.")]
    public int ValidatedTokenCacheSize { get; set; } = 10_000;

    public Uri TokenEndpoint => new(Authority, "connect/token");

    /// <summary><c>Tls:AllowPlaintext</c>, copied in at start-up (not bound from this section) for the rule on <see cref="Authority"/>.</summary>
    internal bool PlaintextAllowed { get; set; }

    private const string AuthorityMessage = "Identity:Authority must be the catalog's absolute http or https issuer address, for example https://127.0.0.1:7002/.";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Authority is { IsAbsoluteUri: true } authority && authority.Scheme == Uri.UriSchemeHttp && !PlaintextAllowed)
            yield return new ValidationResult("Identity:Authority must be https: signing keys are read over plaintext only with Tls:AllowPlaintext.", [nameof(Authority)]);
    }
}

[OptionsValidator]
internal sealed partial class IdentityOptionsValidator : IValidateOptions<IdentityOptions>;


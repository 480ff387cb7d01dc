using System.ComponentModel.DataAnnotations;
using Exchange.ServiceDefaults.Options;
using Microsoft.Extensions.Options;

namespace Exchange.Gateway.Licences;

/// <summary>The e-licence service's settings (section <c>Licences</c>).</summary>
public sealed class LicenceOptions : IValidatableObject
{
    public const string Section = "Licences";

    /// <summary>How long a licence or a holder's licence list stays cached. Revocations overwrite entries at once.</summary>
    [TimeSpanRange("00:00:00", MinimumIsExclusive = true, ErrorMessage = "Licences:CacheTtl must be positive.")]
    public TimeSpan CacheTtl { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long "no such licence" and "holder has no licences" are cached (negative caching).</summary>
    [TimeSpanRange("00:00:00", MinimumIsExclusive = true, ErrorMessage = "Licences:NegativeCacheTtl must be positive.")]
    public TimeSpan NegativeCacheTtl { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How long a revoked licence is kept in the cache; longer than <see cref="CacheTtl"/> so that no fetch
    /// that began before the revocation can put the licence back as valid.
    /// </summary>
    public TimeSpan RevokedCacheTtl { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long one issuer may take to answer before it is reported as not answering.</summary>
    [TimeSpanRange("00:00:00", MinimumIsExclusive = true, ErrorMessage = "Licences:IssuerTimeout must be positive.")]
    public TimeSpan IssuerTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How often the issuers' public keys and the service items are read again from the catalog.</summary>
    [TimeSpanRange("00:00:00", MinimumIsExclusive = true, ErrorMessage = "Licences:CatalogRefreshInterval must be positive.")]
    public TimeSpan CatalogRefreshInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The last issuer keys read from the catalog, so a restarted gateway verifies while the catalog is down.</summary>
    public string IssuerKeySnapshotPath { get; set; } = ".data/gateway/issuer-keys.pb";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (RevokedCacheTtl < CacheTtl)
            yield return new ValidationResult("Licences:RevokedCacheTtl must be at least Licences:CacheTtl, or a revoked licence could be cached as valid again.", [nameof(RevokedCacheTtl)]);
    }
}

[OptionsValidator]
internal sealed partial class LicenceOptionsValidator : IValidateOptions<LicenceOptions>;

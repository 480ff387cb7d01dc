using System.ComponentModel.DataAnnotations;
using Exchange.ServiceDefaults.Options;
using Microsoft.Extensions.Options;
using Exchange.Ports;

namespace Exchange.Gateway.Catalog;

/// <summary>Where the gateway finds the catalog and keeps its last known copy. Section <c>Catalog</c>.</summary>
public sealed class CatalogOptions : IValidatableObject
{
    public const string Section = "Catalog";

    /// <summary>Address of the catalog's gRPC endpoint whose watch stream feeds the routes.</summary>
    [Required(ErrorMessage = AddressMessage), HttpUrl(ErrorMessage = AddressMessage)]
    public Uri Address { get; set; } = ExchangePorts.CatalogAddress;

    /// <summary>File holding the last applied catalog, so a restart routes even while the catalog is down.</summary>
    [Required(ErrorMessage = "Catalog:SnapshotPath must name a file.")]
    public string SnapshotPath { get; set; } = ".data/gateway/catalog-snapshot.pb";

    /// <summary>File holding the last grant snapshot, so a restart authorises calls while the catalog is down.</summary>
    [Required(ErrorMessage = "Catalog:GrantSnapshotPath must name a file.")]
    public string GrantSnapshotPath { get; set; } = ".data/gateway/grant-snapshot.pb";

    /// <summary>The gateway's own OAuth2 client at the catalog, for the grant watch (role gateway).</summary>
    [Required(ErrorMessage = "Catalog:ClientId must name the gateway's client at the catalog.")]
    public string ClientId { get; set; } = "exchange-gateway";

    /// <summary>Secret of <see cref="ClientId"/>. Without it the gateway cannot learn grants and denies every conditional resource.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Wait before the first reconnection attempt; doubles on every failure up to <see cref="MaxReconnectDelay"/>.</summary>
    [TimeSpanRange("00:00:00", MinimumIsExclusive = true, ErrorMessage = "Catalog:InitialReconnectDelay must be positive.")]
    public TimeSpan InitialReconnectDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// How long the gateway may route on a catalog it cannot confirm as current (catalog unreachable) before it reports
    /// itself not ready. Until then it is degraded and keeps serving; past it, published changes it has missed (a
    /// deprecated resource, a moved endpoint) weigh more than answering on an old catalog.
    /// </summary>
    [TimeSpanRange("00:00:00", MinimumIsExclusive = true, ErrorMessage = "Catalog:MaxSnapshotAge must be positive.")]
    public TimeSpan MaxSnapshotAge { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// Longest wait between reconnection attempts. Short by default: changes published while the catalog was
    /// unreachable reach the gateway only on reconnection, and publications should route within seconds.
    /// </summary>
    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(5);

    private const string AddressMessage = "Catalog:Address must be an absolute http or https address, for example https://127.0.0.1:7001.";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MaxReconnectDelay < InitialReconnectDelay)
            yield return new ValidationResult("Catalog:MaxReconnectDelay must not be shorter than Catalog:InitialReconnectDelay.", [nameof(MaxReconnectDelay)]);
    }
}

[OptionsValidator]
internal sealed partial class CatalogOptionsValidator : IValidateOptions<CatalogOptions>;

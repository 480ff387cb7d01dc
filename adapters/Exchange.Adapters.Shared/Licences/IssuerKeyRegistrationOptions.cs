using System.ComponentModel.DataAnnotations;
using Exchange.Ports;
using Exchange.ServiceDefaults.Options;
using Microsoft.Extensions.Options;

namespace Exchange.Adapters.Shared.Licences;

/// <summary>
/// Where the adapter registers its issuer public keys, section <c>Catalog</c>: the catalog's gRPC address and token
/// endpoint, and the department's own client. Without a client secret nothing is registered (logged), and the
/// gateway cannot verify this issuer's licences.
/// </summary>
public sealed class IssuerKeyRegistrationOptions : IValidatableObject
{
    public const string Section = "Catalog";

    [Required(ErrorMessage = AddressMessage), HttpUrl(ErrorMessage = AddressMessage)]
    public Uri Address { get; set; } = ExchangePorts.CatalogAddress;

    [Required(ErrorMessage = TokenEndpointMessage), HttpUrl(ErrorMessage = TokenEndpointMessage)]
    public Uri TokenEndpoint { get; set; } = ExchangePorts.TokenEndpoint;

    public string ClientId { get; set; } = string.Empty;

    public string ClientSecret { get; set; } = string.Empty;

    /// <summary>First wait after a failed attempt; doubled up to <see cref="MaxRetryDelay"/>.</summary>
    [TimeSpanRange("00:00:00", MinimumIsExclusive = true, ErrorMessage = "Catalog:InitialRetryDelay must be positive.")]
    public TimeSpan InitialRetryDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    private const string AddressMessage = "Catalog:Address must be the catalog's absolute http or https gRPC address, for example https://127.0.0.1:7001.";
    private const string TokenEndpointMessage = "Catalog:TokenEndpoint must be the catalog's absolute http or https token endpoint, for example https://127.0.0.1:7002/connect/token.";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MaxRetryDelay < InitialRetryDelay)
            yield return new ValidationResult("Catalog:MaxRetryDelay must not be shorter than Catalog:InitialRetryDelay.", [nameof(MaxRetryDelay)]);
    }
}

[OptionsValidator]
internal sealed partial class IssuerKeyRegistrationOptionsValidator : IValidateOptions<IssuerKeyRegistrationOptions>;

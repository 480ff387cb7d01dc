using Exchange.Ports;

namespace Exchange.Adapters.Shared.Licences;

/// <summary>
/// Where the adapter registers its issuer public keys, section <c>Catalog</c>: the catalog's gRPC address and token
/// endpoint, and the department's own client. Without a client secret nothing is registered (logged), and the
/// gateway cannot verify this issuer's licences.
/// </summary>
public sealed class IssuerKeyRegistrationOptions
{
    public const string Section = "Catalog";

    public Uri Address { get; set; } = ExchangePorts.CatalogAddress;

    public Uri TokenEndpoint { get; set; } = ExchangePorts.TokenEndpoint;

    public string ClientId { get; set; } = string.Empty;

    public string ClientSecret { get; set; } = string.Empty;

    /// <summary>First wait after a failed attempt; doubled up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan InitialRetryDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(10);
}

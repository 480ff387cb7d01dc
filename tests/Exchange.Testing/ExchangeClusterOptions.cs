namespace Exchange.Testing;

/// <summary>Extra settings for a cluster's services, for tests that need, say, short token lifetimes or tight rate limits.</summary>
public sealed record ExchangeClusterOptions
{
    public IReadOnlyDictionary<string, string> CatalogSettings { get; init; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> GatewaySettings { get; init; } = new Dictionary<string, string>();
}

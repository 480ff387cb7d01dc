namespace Exchange.Client;

/// <summary>How a department system authenticates to Exchange: its client credentials at the catalog's token endpoint.</summary>
public sealed class ExchangeClientOptions
{
    /// <summary>The catalog's token endpoint, for example https://127.0.0.1:7002/connect/token.</summary>
    public required Uri TokenEndpoint { get; init; }

    public required string ClientId { get; init; }

    public required string ClientSecret { get; init; }

    /// <summary>Space-separated scopes; <c>exchange.gateway</c> for calls through the gateway, <c>exchange.catalog</c> for the catalog API.</summary>
    public string Scope { get; init; } = ExchangeScopes.Gateway;

    /// <summary>A token is renewed this long before it expires, so no call leaves with a token about to lapse.</summary>
    public TimeSpan RefreshBeforeExpiry { get; init; } = TimeSpan.FromSeconds(30);
}

public static class ExchangeScopes
{
    public const string Gateway = "exchange.gateway";
    public const string Catalog = "exchange.catalog";
}

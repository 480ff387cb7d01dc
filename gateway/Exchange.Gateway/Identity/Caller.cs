namespace Exchange.Gateway.Identity;

/// <summary>Who a validated bearer token speaks for.</summary>
public sealed class Caller(string clientId, string? department, bool isCatalogAdmin, bool hasGatewayAudience, string audiences)
{
    /// <summary>The OAuth2 client (token subject).</summary>
    public string ClientId { get; } = clientId;

    /// <summary>The department code the client acts for; null for the gateway's and administrators' clients.</summary>
    public string? Department { get; } = department;

    public bool IsCatalogAdmin { get; } = isCatalogAdmin;

    /// <summary>True when the token was issued for calls through the gateway (audience exchange-gateway).</summary>
    public bool HasGatewayAudience { get; } = hasGatewayAudience;

    /// <summary>The token's audiences, for messages.</summary>
    public string Audiences { get; } = audiences;
}

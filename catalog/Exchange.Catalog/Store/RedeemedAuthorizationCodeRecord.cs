namespace Exchange.Catalog.Store;

/// <summary>An authorization code already exchanged for tokens, kept until it would have expired anyway.</summary>
public sealed class RedeemedAuthorizationCodeRecord
{
    /// <summary>Hex SHA-256 of the code as presented: the code itself is never stored.</summary>
    public required string CodeId { get; set; }
    public long ExpiresAtMillis { get; set; }
}

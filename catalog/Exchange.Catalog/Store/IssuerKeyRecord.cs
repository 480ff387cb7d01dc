namespace Exchange.Catalog.Store;

/// <summary>A registered public key of an e-licence issuer. Never deleted: superseded keys keep verifying what they signed.</summary>
public sealed class IssuerKeyRecord
{
    public required string KeyId { get; set; }
    public required string DepartmentCode { get; set; }
    public required string PublicKeyPem { get; set; }

    /// <summary>ISO 8601 UTC instants as the issuer states them; ValidUntil is empty for the key in use.</summary>
    public string ValidFrom { get; set; } = string.Empty;
    public string ValidUntil { get; set; } = string.Empty;

    public DateTimeOffset RegisteredAt { get; set; }
    public string RegisteredBy { get; set; } = string.Empty;
}

namespace Exchange.Adapters.Shared.Licences;

/// <summary>A licence as the issuer keeps it: the signed content, the signature, and whether and why it was revoked.</summary>
public sealed class IssuedLicence
{
    public required string LicenceNumber { get; init; }
    public required string TypeCode { get; init; }
    public required string HolderId { get; init; }
    public required string HolderName { get; init; }
    public required string IssuerDepartmentCode { get; init; }
    public required string IssuerCreditCode { get; init; }
    public required DateOnly IssueDate { get; init; }
    public DateOnly? ExpiryDate { get; init; }

    /// <summary>The data items as a JSON object, keys in ordinal order.</summary>
    public required string DataItems { get; init; }

    public required string SigningKeyId { get; init; }
    public required byte[] Signature { get; init; }

    /// <summary>UTC, as ISO 8601 text so SQLite compares and sorts it correctly; null while not revoked.</summary>
    public string? RevokedAt { get; set; }
    public string? RevocationReason { get; set; }
}

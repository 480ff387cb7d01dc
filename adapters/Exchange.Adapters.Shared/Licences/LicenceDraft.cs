namespace Exchange.Adapters.Shared.Licences;

/// <summary>
/// A licence a department issues, before it has a number and a signature; <see cref="RevokedOn"/> and
/// <see cref="RevocationReason"/> for one the register already shows revoked (a certificate a divorce or a revoked
/// registration annulled).
/// </summary>
public sealed record LicenceDraft(
    string TypeCode,
    string HolderId,
    string HolderName,
    DateOnly IssueDate,
    DateOnly? ExpiryDate,
    IReadOnlyDictionary<string, string> DataItems,
    DateOnly? RevokedOn = null,
    string? RevocationReason = null);

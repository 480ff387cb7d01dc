namespace Exchange.Adapters.Shared.Licences;

/// <summary>A licence a department issues, before it has a number and a signature. <see cref="Key"/> orders the serials.</summary>
public sealed record LicenceDraft(
    string TypeCode,
    string HolderId,
    string HolderName,
    DateOnly IssueDate,
    DateOnly? ExpiryDate,
    IReadOnlyDictionary<string, string> DataItems);

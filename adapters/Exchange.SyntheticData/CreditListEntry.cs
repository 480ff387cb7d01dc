namespace Exchange.SyntheticData;

/// <summary>One listing of an enterprise on a credit list; <see cref="RemovedDate"/> is null while it stands.</summary>
public sealed record CreditListEntry(
    string CreditCode,
    CreditList List,
    string Reason,
    DateOnly ListedDate,
    DateOnly? RemovedDate,
    string DecidingAuthority);

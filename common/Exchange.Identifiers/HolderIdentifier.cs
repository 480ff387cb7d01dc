namespace Exchange.Identifiers;

/// <summary>
/// Whom a licence or a data record is about: a person by GB 11643 citizen id or an organisation by GB 32100 unified
/// social credit code. Both are 18 characters, so the reason for a bad one names both checks when it could be either.
/// </summary>
public static class HolderIdentifier
{
    /// <summary>Trimmed and upper-cased, the way typed input is read.</summary>
    public static string Normalise(string? value) => (value ?? string.Empty).Trim().ToUpperInvariant();

    public static bool IsPerson(string value) => CitizenId.IsValid(value);

    public static bool IsOrganisation(string value) => UnifiedSocialCreditCode.IsValid(value);

    /// <summary>Null when the value is a valid citizen id or credit code, else why not.</summary>
    public static string? Problem(string value)
    {
        if (value.Length == 0)
            return "is empty; give a citizen id or a unified social credit code";
        if (IsPerson(value) || IsOrganisation(value))
            return null;
        return value.Length == 18
            ? $"is neither a valid citizen id ({CitizenId.Validate(value).Reason}) nor a valid unified social credit code ({UnifiedSocialCreditCode.Validate(value).Reason})"
            : $"must be 18 characters (a GB 11643 citizen id or a GB 32100 unified social credit code) but has {value.Length}";
    }
}

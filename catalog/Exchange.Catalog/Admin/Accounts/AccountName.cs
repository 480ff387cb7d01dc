using System.Text.RegularExpressions;

namespace Exchange.Catalog.Admin.Accounts;

/// <summary>The shape of admin account names: lower-case letters, digits, dots, hyphens and underscores.</summary>
public static partial class AccountName
{
    public const int MaxLength = 64;

    public static string Normalize(string name) => name.Trim().ToLowerInvariant();

    public static bool IsValid(string normalized) => normalized.Length <= MaxLength && Shape().IsMatch(normalized);

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}

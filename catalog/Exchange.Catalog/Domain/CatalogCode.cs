using System.Text.RegularExpressions;

namespace Exchange.Catalog.Domain;

/// <summary>The shape of department and resource codes: upper-case letters, digits and single inner hyphens.</summary>
public static partial class CatalogCode
{
    public const int MaxLength = 64;

    /// <summary>Why <paramref name="value"/> is not a valid code, or null when it is.</summary>
    public static string? Problem(string value)
    {
        if (string.IsNullOrEmpty(value))
            return "is required";
        if (value.Length > MaxLength)
            return $"must be at most {MaxLength} characters";
        if (!Shape().IsMatch(value))
            return $"'{value}' must consist of upper-case letters, digits and hyphens, for example PUBLIC-SECURITY";
        return null;
    }

    [GeneratedRegex("^[A-Z0-9]+(?:-[A-Z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}

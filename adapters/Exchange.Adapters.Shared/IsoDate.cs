using System.Globalization;

namespace Exchange.Adapters.Shared;

/// <summary>Dates on the wire are ISO 8601 calendar dates, YYYY-MM-DD.</summary>
public static class IsoDate
{
    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Proto3 strings have no null: an absent date is the empty string.</summary>
    public static string Format(DateOnly? date) => date is { } value ? Format(value) : string.Empty;
}

using System.Globalization;

namespace Exchange.Labels;

/// <summary>Instants as people at the counters read them: Beijing time (UTC+8, no daylight saving), to the second.</summary>
public static class BeijingTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public const string Pattern = "yyyy-MM-dd HH:mm:ss";

    public static string Format(DateTimeOffset instant) =>
        instant.ToOffset(Offset).ToString(Pattern, CultureInfo.InvariantCulture);

    public static string Format(DateTimeOffset instant, string pattern) =>
        instant.ToOffset(Offset).ToString(pattern, CultureInfo.InvariantCulture);

    /// <summary>
    /// An ISO 8601 instant as carried in messages (<c>2026-12-05T06:26:16Z</c>) in Beijing time; a plain date
    /// (<c>2026-12-05</c>) is a calendar day and stays as it is; anything else is shown as written.
    /// </summary>
    public static string FormatIso(string? value)
    {
        if (string.IsNullOrEmpty(value))
            return string.Empty;
        if (value.Length <= 10)
            return value;
        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            ? Format(instant)
            : value;
    }
}

using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Options;

namespace Exchange.Catalog.Admin;

/// <summary>Shows instants in the configured zone (Beijing time by default).</summary>
public sealed class PageClock
{
    private readonly TimeZoneInfo _zone;

    public PageClock(IOptions<AdminOptions> options)
    {
        _zone = TimeZoneInfo.TryFindSystemTimeZoneById(options.Value.TimeZone, out var zone)
            ? zone
            : TimeZoneInfo.CreateCustomTimeZone("UTC+08", Exchange.Labels.BeijingTime.Offset, "UTC+08:00", "UTC+08:00");
    }

    public string Format(DateTimeOffset? instant) =>
        instant is { } value ? TimeZoneInfo.ConvertTime(value, _zone).ToString(Exchange.Labels.BeijingTime.Pattern, System.Globalization.CultureInfo.InvariantCulture) : "—";

    /// <summary>An instant in the configured zone with a custom pattern, for example <c>HH:mm</c>.</summary>
    public string Format(DateTimeOffset instant, string pattern) =>
        TimeZoneInfo.ConvertTime(instant, _zone).ToString(pattern, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The instant's offset from UTC in the configured zone.</summary>
    public TimeSpan OffsetAt(DateTimeOffset instant) => _zone.GetUtcOffset(instant);

    public string Format(Timestamp? timestamp) => Format(timestamp?.ToDateTimeOffset());

    /// <summary>A local date and time typed into a form, as an instant.</summary>
    public DateTimeOffset FromLocal(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, _zone.GetUtcOffset(unspecified));
    }
}

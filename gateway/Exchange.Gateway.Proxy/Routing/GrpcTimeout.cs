using System.Globalization;

namespace Exchange.Gateway.Routing;

/// <summary>The deadline a gRPC caller sent in <c>grpc-timeout</c> (up to 8 digits and a unit: H M S m u n).</summary>
internal static class GrpcTimeout
{
    /// <summary>Longer deadlines are treated as none (a timer cannot run longer, and no call needs it).</summary>
    private static readonly TimeSpan Longest = TimeSpan.FromDays(7);

    public static TimeSpan? Of(HttpRequest request) => Parse(request.Headers["grpc-timeout"].ToString()) is { } timeout && timeout <= Longest ? timeout : null;

    private static TimeSpan? Parse(string value)
    {
        if (value.Length is < 2 or > 9 || !long.TryParse(value.AsSpan(0, value.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
            return null;
        return value[^1] switch
        {
            'H' => TimeSpan.FromHours(amount),
            'M' => TimeSpan.FromMinutes(amount),
            'S' => TimeSpan.FromSeconds(amount),
            'm' => TimeSpan.FromMilliseconds(amount),
            'u' => TimeSpan.FromMicroseconds(amount),
            'n' => TimeSpan.FromTicks(amount / 100),
            _ => null,
        };
    }
}

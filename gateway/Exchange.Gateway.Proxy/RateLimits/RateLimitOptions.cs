namespace Exchange.Gateway.RateLimits;

/// <summary>
/// Per-consumer call rates through the whole deployment (shared through Redis). Section <c>RateLimits</c>; per-department overrides
/// under <c>RateLimits:Consumers:{DEPARTMENT-CODE}</c>.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    public bool Enabled { get; set; } = true;

    /// <summary>Sustained calls per second a consumer may make.</summary>
    public int PermitsPerSecond { get; set; } = 500;

    /// <summary>Calls a consumer may make at once after being idle (the token bucket's size).</summary>
    public int Burst { get; set; } = 1000;

    /// <summary>
    /// While Redis is down (or when none is configured) each instance admits the configured rate divided by this.
    /// 1 (the default): each instance alone allows the full rate, so N instances allow up to N times it during an
    /// outage. Set it to the number of instances to stay within the rate meanwhile, at the price of a lower limit
    /// when an instance is also lost.
    /// </summary>
    public int FallbackInstances { get; set; } = 1;

    public Dictionary<string, ConsumerRateLimit> Consumers { get; set; } = new(StringComparer.Ordinal);
}

public sealed class ConsumerRateLimit
{
    public int? PermitsPerSecond { get; set; }

    public int? Burst { get; set; }
}

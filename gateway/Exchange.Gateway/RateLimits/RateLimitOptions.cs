namespace Exchange.Gateway.RateLimits;

/// <summary>
/// Per-consumer call rates through this gateway instance. Section <c>RateLimits</c>; per-department overrides
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

    public Dictionary<string, ConsumerRateLimit> Consumers { get; set; } = new(StringComparer.Ordinal);
}

public sealed class ConsumerRateLimit
{
    public int? PermitsPerSecond { get; set; }

    public int? Burst { get; set; }
}

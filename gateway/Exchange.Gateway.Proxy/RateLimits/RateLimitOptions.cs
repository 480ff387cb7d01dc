using System.ComponentModel.DataAnnotations;
using Exchange.ServiceDefaults.Options;
using Microsoft.Extensions.Options;

namespace Exchange.Gateway.RateLimits;

/// <summary>
/// Per-consumer call rates through the whole deployment (shared through Redis). Section <c>RateLimits</c>; per-department overrides
/// under <c>RateLimits:Consumers:{DEPARTMENT-CODE}</c>.
/// </summary>
public sealed class RateLimitOptions : IValidatableObject
{
    public const string Section = "RateLimits";

    public bool Enabled { get; set; } = true;

    /// <summary>Sustained calls per second a consumer may make.</summary>
    [NumberRange(1, int.MaxValue, ErrorMessage = "RateLimits:PermitsPerSecond must be at least 1.")]
    public int PermitsPerSecond { get; set; } = 500;

    /// <summary>Calls a consumer may make at once after being idle (the token bucket's size).</summary>
    [NumberRange(1, int.MaxValue, ErrorMessage = "RateLimits:Burst must be at least 1.")]
    public int Burst { get; set; } = 1000;

    /// <summary>
    /// While Redis is down (or when none is configured) each instance admits the configured rate divided by this.
    /// 1 (the default): each instance alone allows the full rate, so N instances allow up to N times it during an
    /// outage. Set it to the number of instances to stay within the rate meanwhile, at the price of a lower limit
    /// when an instance is also lost.
    /// </summary>
    [NumberRange(1, int.MaxValue, ErrorMessage = "RateLimits:FallbackInstances must be at least 1.")]
    public int FallbackInstances { get; set; } = 1;

    public Dictionary<string, ConsumerRateLimit> Consumers { get; set; } = new(StringComparer.Ordinal);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (department, limit) in Consumers)
        {
            if (limit.PermitsPerSecond is <= 0)
                yield return new ValidationResult($"RateLimits:Consumers:{department}:PermitsPerSecond must be at least 1 (or left out for RateLimits:PermitsPerSecond).", [nameof(Consumers)]);
            if (limit.Burst is <= 0)
                yield return new ValidationResult($"RateLimits:Consumers:{department}:Burst must be at least 1 (or left out for RateLimits:Burst).", [nameof(Consumers)]);
        }
    }
}

[OptionsValidator]
internal sealed partial class RateLimitOptionsValidator : IValidateOptions<RateLimitOptions>;

public sealed class ConsumerRateLimit
{
    public int? PermitsPerSecond { get; set; }

    public int? Burst { get; set; }
}

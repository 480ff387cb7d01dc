using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Exchange.Gateway.RateLimits;

/// <summary>
/// A token bucket per consumer department. Counts are local to this gateway instance; with several instances
/// each allows the full rate (shared counters in Redis come later).
/// </summary>
internal sealed class ConsumerRateLimiter : IDisposable
{
    private readonly RateLimitOptions _options;
    private readonly PartitionedRateLimiter<string> _limiter;

    public ConsumerRateLimiter(IOptions<RateLimitOptions> options)
    {
        _options = options.Value;
        _limiter = PartitionedRateLimiter.Create<string, string>(consumer =>
            RateLimitPartition.GetTokenBucketLimiter(consumer, BucketFor));
    }

    /// <summary>Takes one call from the consumer's bucket; false with the wait until the next one otherwise.</summary>
    public bool TryAcquire(string consumer, out TimeSpan retryAfter)
    {
        using var lease = _limiter.AttemptAcquire(consumer);
        if (lease.IsAcquired)
        {
            retryAfter = TimeSpan.Zero;
            return true;
        }
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        return false;
    }

    public (int PermitsPerSecond, int Burst) LimitsOf(string consumer)
    {
        var own = _options.Consumers.GetValueOrDefault(consumer);
        return (own?.PermitsPerSecond ?? _options.PermitsPerSecond, own?.Burst ?? _options.Burst);
    }

    private TokenBucketRateLimiterOptions BucketFor(string consumer)
    {
        var (perSecond, burst) = LimitsOf(consumer);
        // Refill in small steps (about ten a second) so a consumer at its limit is served evenly, not in bursts.
        var tokensPerPeriod = Math.Max(1, (int)Math.Round(perSecond / 10.0));
        return new TokenBucketRateLimiterOptions
        {
            TokenLimit = burst,
            TokensPerPeriod = tokensPerPeriod,
            ReplenishmentPeriod = TimeSpan.FromSeconds((double)tokensPerPeriod / perSecond),
            QueueLimit = 0,
            AutoReplenishment = true,
        };
    }

    public void Dispose() => _limiter.Dispose();
}

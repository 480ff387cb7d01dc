using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Exchange.Gateway.RateLimits;

/// <summary>
/// A token bucket per consumer department, shared by every gateway instance through Redis. Without Redis (none
/// configured, or unreachable) each instance keeps its own bucket at the configured rate divided by
/// <see cref="RateLimitOptions.FallbackInstances"/>, and takes up the shared one again once Redis answers.
/// </summary>
internal sealed class ConsumerRateLimiter(IOptions<RateLimitOptions> options, SharedTokenBuckets shared, TimeProvider time)
{
    private readonly RateLimitOptions _options = options.Value;
    private readonly ConcurrentDictionary<string, TokenBucket> _local = new(StringComparer.Ordinal);

    /// <summary>Takes one call from the consumer's bucket; not admitted, with the wait until the next permit, otherwise.</summary>
    public async ValueTask<RateDecision> TryAcquireAsync(string consumer)
    {
        var (perSecond, burst) = LimitsOf(consumer);
        return await shared.TryTakeAsync(consumer, perSecond, burst) ?? LocalBucket(consumer).TryTake();
    }

    public (int PermitsPerSecond, int Burst) LimitsOf(string consumer)
    {
        var own = _options.Consumers.GetValueOrDefault(consumer);
        return (own?.PermitsPerSecond ?? _options.PermitsPerSecond, own?.Burst ?? _options.Burst);
    }

    /// <summary>What one instance admits for a consumer while it decides alone.</summary>
    public (double PermitsPerSecond, double Burst) FallbackLimitsOf(string consumer)
    {
        var (perSecond, burst) = LimitsOf(consumer);
        return ((double)perSecond / _options.FallbackInstances, Math.Max(1, (double)burst / _options.FallbackInstances));
    }

    private TokenBucket LocalBucket(string consumer) => _local.GetOrAdd(consumer, c =>
    {
        var (perSecond, burst) = FallbackLimitsOf(c);
        return new TokenBucket(perSecond, burst, time);
    });
}

using Exchange.Gateway.Redis;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Exchange.Gateway.RateLimits;

/// <summary>
/// Which rate limit applies now. Degraded, never unhealthy, while Redis is down: calls are still limited, by each
/// instance on its own, and the message says at what rate.
/// </summary>
internal sealed class RateLimitHealthCheck(RedisConnection redis, SharedTokenBuckets shared, IOptions<RateLimitOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var limits = options.Value;
        if (!limits.Enabled)
            return Task.FromResult(HealthCheckResult.Healthy("Rate limits are off (RateLimits:Enabled=false)."));
        if (!redis.IsConfigured)
            return Task.FromResult(HealthCheckResult.Healthy(
                "No Redis configured (Redis:Configuration): rate limits are kept by this instance alone, right only for a single gateway instance."));
        if (shared.IsShared && !redis.InOutage)
            return Task.FromResult(HealthCheckResult.Healthy($"Rate limits are shared by every gateway instance through Redis at {redis.Endpoints}."));
        return Task.FromResult(HealthCheckResult.Degraded(
            $"Redis at {redis.Endpoints} does not answer: this instance limits each consumer on its own to {limits.PermitsPerSecond / (double)limits.FallbackInstances:0.#} calls per second " +
            $"(RateLimits:PermitsPerSecond / RateLimits:FallbackInstances = {limits.FallbackInstances}) until it is back."));
    }
}

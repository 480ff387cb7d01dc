using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Exchange.Gateway.Licences;

/// <summary>
/// Whether the shared licence cache answers. Never unhealthy: without Redis the gateway still answers every lookup
/// from the issuers (the design's embedded default), so an outage is degraded, and the message says what it costs.
/// </summary>
internal sealed class LicenceCacheHealthCheck(ICacheStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (store is not RedisCacheStore redis)
            return HealthCheckResult.Healthy("No Redis configured (Redis:Configuration): licences are cached in this process, right only for a single gateway instance.");
        try
        {
            var latency = await redis.PingAsync();
            return HealthCheckResult.Healthy($"Redis at {redis.Endpoints} answers ({latency.TotalMilliseconds:0.#} ms).");
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return HealthCheckResult.Degraded(
                $"Redis at {redis.Endpoints} does not answer ({ex.Message}): licence lookups go to the issuers uncached, and revocations reach other gateway instances only once it is back.");
        }
    }
}

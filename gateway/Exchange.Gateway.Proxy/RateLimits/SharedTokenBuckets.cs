using Exchange.Gateway.Redis;
using StackExchange.Redis;

namespace Exchange.Gateway.RateLimits;

/// <summary>
/// One token bucket per consumer in Redis, shared by every gateway instance: a Lua script refills and takes a permit
/// atomically in one round trip, so two instances together admit what one would. The caller's clock gives the time
/// (a clock behind the bucket's last update refills nothing, so skew between instances can only make the limit
/// stricter). Answers null whenever Redis cannot decide, and the caller decides on its own.
/// </summary>
internal sealed class SharedTokenBuckets(RedisConnection redis, TimeProvider time)
{
    // Tokens and the time of the last update (µs) in one hash; expires once a full bucket would have refilled.
    private const string Script = """
        local rate = tonumber(ARGV[1])
        local burst = tonumber(ARGV[2])
        local now = tonumber(ARGV[3])
        local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
        local tokens = tonumber(state[1])
        local at = tonumber(state[2])
        if tokens == nil or at == nil then
          tokens = burst
          at = now
        elseif now > at then
          tokens = math.min(burst, tokens + (now - at) * rate / 1000000)
          at = now
        end
        local allowed = 0
        local wait = 0
        if tokens >= 1 then
          tokens = tokens - 1
          allowed = 1
        else
          wait = math.ceil((1 - tokens) * 1000000 / rate)
        end
        redis.call('HSET', KEYS[1], 'tokens', string.format('%.17g', tokens), 'at', string.format('%.17g', at))
        redis.call('PEXPIRE', KEYS[1], math.ceil(burst * 1000 / rate) + 1000)
        return { allowed, wait }
        """;

    /// <summary>Whether decisions are shared now: Redis configured and answering.</summary>
    public bool IsShared => redis.IsConfigured && redis.IsAvailable;

    public async ValueTask<RateDecision?> TryTakeAsync(string consumer, int perSecond, int burst)
    {
        if (!IsShared)
        {
            if (redis.IsConfigured)
                redis.CountServedWithout();
            return null;
        }
        try
        {
            var now = time.GetUtcNow().ToUnixTimeMilliseconds() * 1000;
            var result = (RedisResult[])(await redis.Database.ScriptEvaluateAsync(Script,
                [redis.KeyPrefix + "ratelimit:" + consumer], [perSecond, burst, now]))!;
            return (int)result[0] == 1 ? RateDecision.Admit : new RateDecision(false, TimeSpan.FromTicks((long)result[1] * 10));
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            redis.ReportFailure(ex.Message);
            redis.CountServedWithout();
            return null;
        }
    }
}

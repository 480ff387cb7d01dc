using Exchange.Gateway.Redis;
using Exchange.ServiceDefaults.Errors;
using StackExchange.Redis;

namespace Exchange.Gateway.Licences.Presentations;

/// <summary>
/// Codes in the Redis every gateway instance shares: made with SET NX, redeemed with GETDEL and marked used in the
/// same script, so of two instances redeeming one code at once exactly one gets it and the other finds it used.
/// While Redis does not answer nothing is made or redeemed.
/// </summary>
internal sealed class RedisPresentationStore(RedisConnection connection) : IPresentationStore
{
    private const string CountScript = "local n = redis.call('INCR', KEYS[1]) if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end return n";
    private const string ReleaseScript = "local n = tonumber(redis.call('GET', KEYS[1]) or '0') if n > 0 then return redis.call('DECR', KEYS[1]) end return 0";
    private const string TakeScript = "local v = redis.call('GETDEL', KEYS[1]) if v then redis.call('SET', KEYS[2], v, 'PX', ARGV[1]) end return v";

    public Task<bool> AddAsync(string key, byte[] record, TimeSpan ttl) =>
        RunAsync(db => db.StringSetAsync(connection.KeyPrefix + key, record, ttl, When.NotExists));

    public Task<byte[]?> TakeAsync(string key, string usedKey, TimeSpan usedFor) =>
        RunAsync(async db => (byte[]?)await db.ScriptEvaluateAsync(TakeScript, [connection.KeyPrefix + key, connection.KeyPrefix + usedKey], [(long)usedFor.TotalMilliseconds]));

    public Task<byte[]?> GetAsync(string key) =>
        RunAsync(async db => (byte[]?)await db.StringGetAsync(connection.KeyPrefix + key));

    public Task<long> IncrementAsync(string key, TimeSpan window) =>
        RunAsync(async db => (long)await db.ScriptEvaluateAsync(CountScript, [connection.KeyPrefix + key], [(long)window.TotalMilliseconds]));

    public Task ReleaseAsync(string key) =>
        RunAsync(db => db.ScriptEvaluateAsync(ReleaseScript, [connection.KeyPrefix + key]));

    private async Task<T> RunAsync<T>(Func<IDatabase, Task<T>> command)
    {
        if (!connection.IsAvailable)
            throw Unavailable("not connected");
        try
        {
            return await command(connection.Database);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            connection.ReportFailure(ex.Message);
            throw Unavailable(ex.Message);
        }
    }

    private UnavailableException Unavailable(string reason) => new(
        $"Presentation codes are kept in Redis ({connection.Endpoints}) so that each is used once across gateway instances, and Redis does not answer ({reason}); " +
        "no code is made or redeemed until it does: try again shortly, or verify the licence by its number.");
}

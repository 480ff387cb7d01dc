using System.Collections.Concurrent;
using Exchange.Gateway.Redis;
using StackExchange.Redis;

namespace Exchange.Gateway.Licences;

/// <summary>
/// The cache in Redis, shared by every gateway instance through the instance's one connection. Commands fail fast
/// while Redis is unreachable, so lookups fall through to the issuers at once; the connection logs the outage once.
/// An overwrite that could not be stored (a revocation) is kept and written again as soon as Redis is back, before
/// the cache is used again, so a revoked licence cannot reappear as valid from a stale entry.
/// </summary>
internal sealed partial class RedisCacheStore : ICacheStore
{
    private readonly RedisConnection _connection;
    private readonly RedisChannel _revocations;
    private readonly ILogger<RedisCacheStore> _logger;
    private readonly ConcurrentDictionary<string, PendingWrite> _pendingOverwrites = new(StringComparer.Ordinal);
    private int _subscribed;

    public RedisCacheStore(RedisConnection connection, ILogger<RedisCacheStore> logger)
    {
        _connection = connection;
        _logger = logger;
        _revocations = RedisChannel.Literal(connection.KeyPrefix + "licence-revocations");
        _connection.Restored += () => _ = RestoreAsync();
        _ = SubscribeAsync();
    }

    public bool IsAvailable => _connection.IsAvailable;

    /// <summary>The configuration without its password, for messages.</summary>
    public string Endpoints => _connection.Endpoints;

    public event Action<string>? RevocationReceived;

    /// <summary>One round trip to Redis; throws <see cref="RedisException"/> or <see cref="TimeoutException"/> when it does not answer.</summary>
    public Task<TimeSpan> PingAsync() => _connection.PingAsync();

    public async Task<byte[]?[]> GetAsync(IReadOnlyList<string> keys)
    {
        var values = new byte[]?[keys.Count];
        if (!IsAvailable || !await ReplayPendingAsync())
        {
            _connection.CountServedWithout();
            return values;
        }
        try
        {
            var database = _connection.Database;
            if (keys.Count == 1)
            {
                values[0] = await database.StringGetAsync(keys[0]);
                return values;
            }
            var redisKeys = new RedisKey[keys.Count];
            for (var i = 0; i < keys.Count; i++)
                redisKeys[i] = keys[i];
            var found = await database.StringGetAsync(redisKeys);
            for (var i = 0; i < found.Length; i++)
                values[i] = found[i];
            return values;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            MarkDegraded(ex.Message);
            return new byte[]?[keys.Count];
        }
    }

    public async Task<bool> SetAsync(string key, byte[] value, TimeSpan ttl, bool onlyIfAbsent)
    {
        if (!onlyIfAbsent)
            _pendingOverwrites[key] = new PendingWrite(value, DateTimeOffset.UtcNow + ttl);
        try
        {
            var stored = await _connection.Database.StringSetAsync(key, value, ttl, onlyIfAbsent ? When.NotExists : When.Always);
            if (!onlyIfAbsent)
                _pendingOverwrites.TryRemove(key, out _);
            return stored;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            MarkDegraded(ex.Message);
            if (!onlyIfAbsent)
                LogOverwritePending(key);
            return false;
        }
    }

    public async Task PublishRevocationAsync(string licenceNumber)
    {
        try
        {
            await _connection.Subscriber.PublishAsync(_revocations, licenceNumber);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            MarkDegraded(ex.Message);
            // Other instances read the overwritten entry from Redis once it is back; this one hears it directly.
            RevocationReceived?.Invoke(licenceNumber);
        }
    }

    private async Task SubscribeAsync()
    {
        if (Interlocked.Exchange(ref _subscribed, 1) == 1)
            return;
        try
        {
            await _connection.Subscriber.SubscribeAsync(_revocations, (_, message) =>
            {
                if (message.HasValue)
                    RevocationReceived?.Invoke(message.ToString());
            });
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            Volatile.Write(ref _subscribed, 0);
            MarkDegraded(ex.Message);
        }
    }

    private async Task RestoreAsync()
    {
        await SubscribeAsync();
        if (await ReplayPendingAsync())
            _connection.EndOutage();
    }

    /// <summary>Writes the overwrites that failed earlier; true when none is left (only then may the cache be read).</summary>
    private async Task<bool> ReplayPendingAsync()
    {
        foreach (var (key, pending) in _pendingOverwrites)
        {
            var ttl = pending.ExpiresAt - DateTimeOffset.UtcNow;
            try
            {
                if (ttl > TimeSpan.Zero)
                    await _connection.Database.StringSetAsync(key, pending.Value, ttl, When.Always);
                _pendingOverwrites.TryRemove(new KeyValuePair<string, PendingWrite>(key, pending));
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                MarkDegraded(ex.Message);
                return false;
            }
        }
        return true;
    }

    private void MarkDegraded(string reason) => _connection.ReportFailure(reason);

    private sealed record PendingWrite(byte[] Value, DateTimeOffset ExpiresAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Licence cache: could not overwrite {Key}; it is written again before the cache is used once Redis is back")]
    private partial void LogOverwritePending(string key);
}

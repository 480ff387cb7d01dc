using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Exchange.Gateway.Licences;

/// <summary>
/// The cache in Redis, shared by every gateway instance through one multiplexer. Commands fail fast while Redis is
/// unreachable (no backlog), so lookups fall through to the issuers at once; the multiplexer reconnects by itself.
/// An overwrite that could not be stored (a revocation) is kept and written again as soon as Redis is back, before
/// the cache is used again, so a revoked licence cannot reappear as valid from a stale entry.
/// </summary>
internal sealed partial class RedisCacheStore : ICacheStore, IDisposable
{
    private readonly ConnectionMultiplexer _redis;
    private readonly RedisChannel _revocations;
    private readonly ILogger<RedisCacheStore> _logger;
    private readonly ConcurrentDictionary<string, PendingWrite> _pendingOverwrites = new(StringComparer.Ordinal);
    private static readonly TimeSpan FailureBackoff = TimeSpan.FromSeconds(1);
    private int _subscribed;
    private int _degraded;
    private long _lastFailureTicks;

    public RedisCacheStore(IOptions<RedisOptions> options, ILogger<RedisCacheStore> logger)
    {
        _logger = logger;
        _revocations = RedisChannel.Literal(options.Value.KeyPrefix + "licence-revocations");
        var configuration = ConfigurationOptions.Parse(options.Value.Configuration);
        configuration.AbortOnConnectFail = false;
        configuration.BacklogPolicy = BacklogPolicy.FailFast;
        configuration.ConnectTimeout = 2000;
        configuration.AsyncTimeout = 1000;
        configuration.SyncTimeout = 1000;
        configuration.ReconnectRetryPolicy = new LinearRetry(500);
        configuration.ClientName = "exchange-gateway";
        Endpoints = configuration.ToString(includePassword: false);
        _redis = ConnectionMultiplexer.Connect(configuration);
        _redis.ConnectionFailed += (_, e) => MarkDegraded(e.Exception?.Message ?? e.FailureType.ToString());
        _redis.ConnectionRestored += (_, _) => _ = RestoreAsync();
        if (_redis.IsConnected)
            LogConnected(configuration.ToString(includePassword: false));
        else
            MarkDegraded("not reachable at start");
        _ = SubscribeAsync();
    }

    /// <summary>Connected, and no command failed in the last second (a timeout, or a drop not yet noticed).</summary>
    public bool IsAvailable =>
        _redis.IsConnected && DateTime.UtcNow.Ticks - Volatile.Read(ref _lastFailureTicks) > FailureBackoff.Ticks;

    /// <summary>The configuration without its password, for messages.</summary>
    public string Endpoints { get; }

    public event Action<string>? RevocationReceived;

    /// <summary>One round trip to Redis; throws <see cref="RedisException"/> or <see cref="TimeoutException"/> when it does not answer.</summary>
    public Task<TimeSpan> PingAsync() => _redis.GetDatabase().PingAsync();

    public async Task<byte[]?[]> GetAsync(IReadOnlyList<string> keys)
    {
        var values = new byte[]?[keys.Count];
        if (!IsAvailable || !await ReplayPendingAsync())
            return values;
        try
        {
            var database = _redis.GetDatabase();
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
            var stored = await _redis.GetDatabase().StringSetAsync(key, value, ttl, onlyIfAbsent ? When.NotExists : When.Always);
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
            await _redis.GetSubscriber().PublishAsync(_revocations, licenceNumber);
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
            await _redis.GetSubscriber().SubscribeAsync(_revocations, (_, message) =>
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
        if (await ReplayPendingAsync() && _redis.IsConnected && Interlocked.Exchange(ref _degraded, 0) == 1)
            LogRestored();
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
                    await _redis.GetDatabase().StringSetAsync(key, pending.Value, ttl, When.Always);
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

    private void MarkDegraded(string reason)
    {
        Volatile.Write(ref _lastFailureTicks, DateTime.UtcNow.Ticks);
        if (Interlocked.Exchange(ref _degraded, 1) == 0)
            LogDegraded(reason);
    }

    public void Dispose() => _redis.Dispose();

    private sealed record PendingWrite(byte[] Value, DateTimeOffset ExpiresAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Licence cache: Redis at {Configuration}, shared with every gateway instance")]
    private partial void LogConnected(string configuration);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Licence cache: Redis unavailable ({Reason}); answering every lookup from the issuers (slower) until it is back")]
    private partial void LogDegraded(string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Licence cache: Redis is back; caching again")]
    private partial void LogRestored();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Licence cache: could not overwrite {Key}; it is written again before the cache is used once Redis is back")]
    private partial void LogOverwritePending(string key);
}

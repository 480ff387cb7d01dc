using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Exchange.Gateway.Redis;

/// <summary>
/// The one connection to Redis every part of this gateway instance shares (the licence cache, revocation fan-out,
/// shared rate limits). Commands fail fast while Redis is unreachable (no backlog) and the multiplexer reconnects by
/// itself. An outage is logged once when it begins and once when it ends, with how many commands failed and how many
/// calls were served without Redis meanwhile, however many calls ran into it.
/// </summary>
internal sealed partial class RedisConnection : IDisposable
{
    private static readonly TimeSpan FailureBackoff = TimeSpan.FromSeconds(1);

    private readonly ConnectionMultiplexer? _redis;
    private readonly ILogger<RedisConnection> _logger;
    private readonly TimeProvider _time;
    private int _inOutage;
    private long _outageStartedTicks;
    private long _lastFailureTicks;
    private long _failedCommands;
    private long _servedWithout;

    public RedisConnection(IOptions<RedisOptions> options, ILogger<RedisConnection> logger, TimeProvider time)
    {
        _logger = logger;
        _time = time;
        KeyPrefix = options.Value.KeyPrefix;
        if (string.IsNullOrWhiteSpace(options.Value.Configuration))
        {
            Endpoints = string.Empty;
            return;
        }
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
        _redis.ConnectionFailed += (_, e) => ReportFailure(e.Exception?.Message ?? e.FailureType.ToString());
        _redis.ConnectionRestored += (_, _) => Restored?.Invoke();
        if (_redis.IsConnected)
            LogConnected(Endpoints);
        else
            ReportFailure("not reachable at start");
    }

    /// <summary>False when no Redis is configured (<c>Redis:Configuration</c> empty): a single instance on its own.</summary>
    public bool IsConfigured => _redis is not null;

    /// <summary>The configuration without its password, for messages.</summary>
    public string Endpoints { get; }

    /// <summary>Prefix of every key and channel, so several exchanges can share one Redis.</summary>
    public string KeyPrefix { get; }

    /// <summary>Connected, and no command failed in the last second (a timeout, or a drop not yet noticed).</summary>
    public bool IsAvailable =>
        _redis is { IsConnected: true } && _time.GetUtcNow().UtcTicks - Volatile.Read(ref _lastFailureTicks) > FailureBackoff.Ticks;

    /// <summary>True from the first failure of an outage until <see cref="EndOutage"/>.</summary>
    public bool InOutage => Volatile.Read(ref _inOutage) == 1;

    /// <summary>Raised when the multiplexer has reconnected; listeners catch up, then the outage is ended.</summary>
    public event Action? Restored;

    public IDatabase Database => (_redis ?? throw new InvalidOperationException("No Redis configured (Redis:Configuration).")).GetDatabase();

    public ISubscriber Subscriber => (_redis ?? throw new InvalidOperationException("No Redis configured (Redis:Configuration).")).GetSubscriber();

    /// <summary>A command failed or the connection dropped: the first such report of an outage logs one warning.</summary>
    public void ReportFailure(string reason)
    {
        var now = _time.GetUtcNow().UtcTicks;
        Volatile.Write(ref _lastFailureTicks, now);
        Interlocked.Increment(ref _failedCommands);
        if (Interlocked.Exchange(ref _inOutage, 1) == 1)
            return;
        Volatile.Write(ref _outageStartedTicks, now);
        LogUnavailable(Endpoints, reason);
    }

    /// <summary>A call was served without Redis (a lookup uncached, a rate-limit decision made locally); counted for the recovery line.</summary>
    public void CountServedWithout() => Interlocked.Increment(ref _servedWithout);

    /// <summary>Ends the outage once Redis answers again and its users have caught up: logs one line with its toll.</summary>
    public void EndOutage()
    {
        if (_redis is not { IsConnected: true } || Interlocked.Exchange(ref _inOutage, 0) == 0)
            return;
        var lasted = TimeSpan.FromTicks(_time.GetUtcNow().UtcTicks - Volatile.Read(ref _outageStartedTicks));
        LogRestored(Endpoints, lasted.TotalSeconds, Interlocked.Exchange(ref _failedCommands, 0), Interlocked.Exchange(ref _servedWithout, 0));
    }

    /// <summary>One round trip; throws <see cref="RedisException"/> or <see cref="TimeoutException"/> when it does not answer.</summary>
    public Task<TimeSpan> PingAsync() => Database.PingAsync();

    public void Dispose() => _redis?.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "Redis at {Configuration}, shared with every gateway instance (licence cache, revocations, rate limits)")]
    private partial void LogConnected(string configuration);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis at {Configuration} unavailable ({Reason}): licence lookups go to the issuers uncached and rate limits are kept by each instance on its own until it is back")]
    private partial void LogUnavailable(string configuration, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Redis at {Configuration} is back after {Seconds:0.#} s: {FailedCommands} commands failed and {ServedWithout} calls were served without it meanwhile")]
    private partial void LogRestored(string configuration, double seconds, long failedCommands, long servedWithout);
}

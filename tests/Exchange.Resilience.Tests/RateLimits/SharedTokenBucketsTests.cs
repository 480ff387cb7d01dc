using Exchange.Gateway.RateLimits;
using Exchange.Gateway.Redis;
using Exchange.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Exchange.Resilience.Tests.RateLimits;

/// <summary>
/// The shared bucket's script on a real Redis, time given by a <see cref="FakeTimeProvider"/> (the script takes the
/// caller's clock): two instances' limiters on one Redis admit together what one would; without Redis they say so.
/// </summary>
public sealed class SharedTokenBucketsTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-12-05T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private readonly string _keyPrefix = $"test-{Guid.NewGuid():N}:";
    private RedisServer _redis = null!;

    public async ValueTask InitializeAsync() => _redis = await RedisServer.StartAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync() => await _redis.DisposeAsync();

    [Fact]
    public async Task Two_instances_on_one_Redis_share_one_bucket_per_consumer()
    {
        using var first = Connect();
        using var second = Connect();
        var (a, b) = (new SharedTokenBuckets(first, _time), new SharedTokenBuckets(second, _time));

        var admitted = 0;
        for (var i = 0; i < 20; i++)
        {
            if ((await (i % 2 == 0 ? a : b).TryTakeAsync("CIVIL-AFFAIRS", 10, 8))!.Value.Admitted)
                admitted++;
        }
        var refused = await a.TryTakeAsync("CIVIL-AFFAIRS", 10, 8);
        var other = await b.TryTakeAsync("MARKET-REGULATION", 10, 8);

        Assert.Equal(8, admitted);
        Assert.False(refused!.Value.Admitted);
        Assert.Equal(TimeSpan.FromMilliseconds(100), refused.Value.RetryAfter);
        Assert.True(other!.Value.Admitted);
    }

    [Fact]
    public async Task The_shared_bucket_refills_at_the_rate_of_the_time_that_passed()
    {
        using var connection = Connect();
        var buckets = new SharedTokenBuckets(connection, _time);
        while ((await buckets.TryTakeAsync("PUBLIC-SECURITY", 10, 5))!.Value.Admitted)
        {
        }

        _time.Advance(TimeSpan.FromMilliseconds(350));
        var afterRefill = 0;
        while ((await buckets.TryTakeAsync("PUBLIC-SECURITY", 10, 5))!.Value.Admitted)
            afterRefill++;
        // Another instance whose clock is behind the bucket's last update refills nothing.
        var skewed = new SharedTokenBuckets(connection, new FakeTimeProvider(_time.GetUtcNow().AddMilliseconds(-500)));
        var behind = await skewed.TryTakeAsync("PUBLIC-SECURITY", 10, 5);

        Assert.Equal(3, afterRefill);
        Assert.False(behind!.Value.Admitted);
    }

    [Fact]
    public async Task Without_Redis_the_shared_bucket_declines_to_decide_and_the_limiter_falls_back_to_its_own_share()
    {
        using var connection = Connect();
        var buckets = new SharedTokenBuckets(connection, _time);
        _redis.Kill();
        // The multiplexer may drop IsConnected before it raises ConnectionFailed (which starts the outage): wait for both.
        await Eventually.WithinAsync(TimeSpan.FromSeconds(10), () => Task.FromResult(!buckets.IsShared && connection.InOutage), "the connection notices Redis is gone");

        var limiter = new ConsumerRateLimiter(Options.Create(new RateLimitOptions { PermitsPerSecond = 10, Burst = 8, FallbackInstances = 2 }), buckets, _time);
        var admitted = 0;
        for (var i = 0; i < 20; i++)
        {
            if ((await limiter.TryAcquireAsync("CIVIL-AFFAIRS")).Admitted)
                admitted++;
        }

        Assert.Null(await buckets.TryTakeAsync("CIVIL-AFFAIRS", 10, 8));
        Assert.True(connection.InOutage);
        // Half the burst: this instance assumes one other shares the load (FallbackInstances = 2).
        Assert.Equal(4, admitted);
    }

    private RedisConnection Connect() => new(
        Options.Create(new RedisOptions { Configuration = _redis.Configuration, KeyPrefix = _keyPrefix }),
        NullLogger<RedisConnection>.Instance, _time);
}

using Exchange.Gateway.RateLimits;
using Microsoft.Extensions.Time.Testing;

namespace Exchange.Resilience.Tests.RateLimits;

/// <summary>The instance's own bucket (the fallback while Redis is down), with time advanced, never waited for.</summary>
public sealed class TokenBucketTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void A_full_bucket_admits_its_burst_at_once_then_refuses_with_the_wait_for_one_permit()
    {
        var bucket = new TokenBucket(perSecond: 10, burst: 5, _time);

        Assert.All(Enumerable.Range(0, 5), _ => Assert.True(bucket.TryTake().Admitted));
        var refused = bucket.TryTake();

        Assert.False(refused.Admitted);
        Assert.Equal(TimeSpan.FromMilliseconds(100), refused.RetryAfter);
    }

    [Fact]
    public void Permits_come_back_at_the_configured_rate_and_never_beyond_the_burst()
    {
        var bucket = new TokenBucket(perSecond: 10, burst: 5, _time);
        while (bucket.TryTake().Admitted)
        {
        }

        _time.Advance(TimeSpan.FromMilliseconds(350));
        Assert.Equal(3, TakeAll(bucket));

        _time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(5, TakeAll(bucket));
    }

    [Fact]
    public void Over_a_long_run_at_full_demand_admits_the_burst_plus_the_rate_times_the_time()
    {
        var bucket = new TokenBucket(perSecond: 40, burst: 10, _time);
        var admitted = 0;
        // A call every millisecond for 10 s: far more demand than the rate.
        for (var ms = 0; ms < 10_000; ms++)
        {
            if (bucket.TryTake().Admitted)
                admitted++;
            _time.Advance(TimeSpan.FromMilliseconds(1));
        }

        Assert.InRange(admitted, 10 + 40 * 10 - 1, 10 + 40 * 10);
    }

    private static int TakeAll(TokenBucket bucket)
    {
        var taken = 0;
        while (bucket.TryTake().Admitted)
            taken++;
        return taken;
    }
}

namespace Exchange.Gateway.RateLimits;

/// <summary>Whether a call was admitted, and if not how long until the next permit.</summary>
internal readonly record struct RateDecision(bool Admitted, TimeSpan RetryAfter)
{
    public static RateDecision Admit { get; } = new(true, TimeSpan.Zero);
}

/// <summary>
/// A token bucket refilled continuously from the time that has passed (no timer): holds up to <c>burst</c> permits,
/// gains <c>perSecond</c> a second, each call takes one. The same arithmetic as the shared bucket's script in
/// <see cref="SharedTokenBuckets"/>, so the instance's own fallback behaves as the shared limit does.
/// </summary>
internal sealed class TokenBucket
{
    private readonly double _perSecond;
    private readonly double _burst;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private double _tokens;
    private long _at;

    public TokenBucket(double perSecond, double burst, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perSecond);
        ArgumentOutOfRangeException.ThrowIfLessThan(burst, 1);
        (_perSecond, _burst, _time) = (perSecond, burst, time);
        _tokens = burst;
        _at = time.GetTimestamp();
    }

    public RateDecision TryTake()
    {
        lock (_lock)
        {
            var now = _time.GetTimestamp();
            _tokens = Math.Min(_burst, _tokens + _time.GetElapsedTime(_at, now).TotalSeconds * _perSecond);
            _at = now;
            if (_tokens >= 1)
            {
                _tokens -= 1;
                return RateDecision.Admit;
            }
            return new RateDecision(false, TimeSpan.FromSeconds((1 - _tokens) / _perSecond));
        }
    }
}

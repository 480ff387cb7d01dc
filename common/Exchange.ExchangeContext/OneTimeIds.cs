using System.Buffers.Binary;

namespace Exchange.ExchangeContext;

/// <summary>
/// The one-time ids of the contexts a provider accepted, each remembered until its context expires, so a context is
/// good for one call. Memory is bounded: ids leave when their context expires, and when <c>capacity</c> ids are
/// remembered at once new contexts are refused (the provider is overloaded) rather than an id forgotten early.
/// </summary>
public sealed class OneTimeIds(TimeProvider time, int capacity)
{
    public const int Length = 16;

    private readonly Lock _lock = new();
    private readonly HashSet<UInt128> _seen = [];
    private readonly PriorityQueue<UInt128, DateTimeOffset> _byExpiry = new();

    public int Count
    {
        get
        {
            lock (_lock)
                return _seen.Count;
        }
    }

    /// <summary>Records the id until <paramref name="expires"/>; false with the reason when it was used before or memory is full.</summary>
    public OneTimeIdUse TryUse(ReadOnlySpan<byte> id, DateTimeOffset expires)
    {
        if (id.Length != Length)
            return OneTimeIdUse.Malformed;
        var key = BinaryPrimitives.ReadUInt128LittleEndian(id);
        var now = time.GetUtcNow();
        lock (_lock)
        {
            while (_byExpiry.TryPeek(out var old, out var oldExpiry) && oldExpiry <= now)
            {
                _byExpiry.Dequeue();
                _seen.Remove(old);
            }
            if (_seen.Contains(key))
                return OneTimeIdUse.Replayed;
            if (_seen.Count >= capacity)
                return OneTimeIdUse.Full;
            _seen.Add(key);
            _byExpiry.Enqueue(key, expires);
            return OneTimeIdUse.First;
        }
    }
}

public enum OneTimeIdUse
{
    First,
    Replayed,
    Malformed,
    Full,
}

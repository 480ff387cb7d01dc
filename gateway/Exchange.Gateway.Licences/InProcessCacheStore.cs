using System.Collections.Concurrent;

namespace Exchange.Gateway.Licences;

/// <summary>The cache in this process's memory, for a single gateway without Redis. Expired entries are dropped when read or swept.</summary>
internal sealed class InProcessCacheStore(TimeProvider time) : ICacheStore
{
    private const int SweepEvery = 4096;
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private int _writes;

    public bool IsAvailable => true;

    public event Action<string>? RevocationReceived;

    public Task<byte[]?[]> GetAsync(IReadOnlyList<string> keys)
    {
        var now = time.GetUtcNow();
        var values = new byte[]?[keys.Count];
        for (var i = 0; i < keys.Count; i++)
        {
            if (_entries.TryGetValue(keys[i], out var entry))
            {
                if (entry.ExpiresAt > now)
                    values[i] = entry.Value;
                else
                    _entries.TryRemove(new KeyValuePair<string, Entry>(keys[i], entry));
            }
        }
        return Task.FromResult(values);
    }

    public Task<bool> SetAsync(string key, byte[] value, TimeSpan ttl, bool onlyIfAbsent)
    {
        var now = time.GetUtcNow();
        var entry = new Entry(value, now + ttl);
        if (Interlocked.Increment(ref _writes) % SweepEvery == 0)
            Sweep(now);
        if (!onlyIfAbsent)
        {
            _entries[key] = entry;
            return Task.FromResult(true);
        }
        while (true)
        {
            if (_entries.TryAdd(key, entry))
                return Task.FromResult(true);
            if (_entries.TryGetValue(key, out var existing))
            {
                if (existing.ExpiresAt > now)
                    return Task.FromResult(false);
                if (_entries.TryUpdate(key, entry, existing))
                    return Task.FromResult(true);
            }
        }
    }

    public Task PublishRevocationAsync(string licenceNumber)
    {
        RevocationReceived?.Invoke(licenceNumber);
        return Task.CompletedTask;
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (key, entry) in _entries)
        {
            if (entry.ExpiresAt <= now)
                _entries.TryRemove(new KeyValuePair<string, Entry>(key, entry));
        }
    }

    private sealed record Entry(byte[] Value, DateTimeOffset ExpiresAt);
}

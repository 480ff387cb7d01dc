using System.Collections.Concurrent;

namespace Exchange.Gateway.Licences.Presentations;

/// <summary>Codes in this process's memory: single use holds for a single gateway without Redis only.</summary>
internal sealed class InProcessPresentationStore(TimeProvider time) : IPresentationStore
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _counting = new();

    public Task<bool> AddAsync(string key, byte[] record, TimeSpan ttl)
    {
        Sweep();
        return Task.FromResult(_entries.TryAdd(key, new Entry(record, 0, time.GetUtcNow() + ttl)));
    }

    public Task<byte[]?> TakeAsync(string key, string usedKey, TimeSpan usedFor)
    {
        lock (_counting)
        {
            var now = time.GetUtcNow();
            if (!_entries.TryRemove(key, out var entry) || entry.ExpiresAt <= now)
                return Task.FromResult<byte[]?>(null);
            _entries[usedKey] = new Entry(entry.Value, 0, now + usedFor);
            return Task.FromResult(entry.Value);
        }
    }

    public Task<byte[]?> GetAsync(string key) =>
        Task.FromResult(_entries.TryGetValue(key, out var entry) && entry.ExpiresAt > time.GetUtcNow() ? entry.Value : null);

    public Task<long> IncrementAsync(string key, TimeSpan window)
    {
        lock (_counting)
        {
            var now = time.GetUtcNow();
            var entry = _entries.TryGetValue(key, out var found) && found.ExpiresAt > now ? found with { Count = found.Count + 1 } : new Entry(null, 1, now + window);
            _entries[key] = entry;
            return Task.FromResult(entry.Count);
        }
    }

    public Task ReleaseAsync(string key)
    {
        lock (_counting)
        {
            if (_entries.TryGetValue(key, out var entry) && entry.Count > 0)
                _entries[key] = entry with { Count = entry.Count - 1 };
            return Task.CompletedTask;
        }
    }

    private void Sweep()
    {
        var now = time.GetUtcNow();
        foreach (var (key, entry) in _entries)
        {
            if (entry.ExpiresAt <= now)
                _entries.TryRemove(new KeyValuePair<string, Entry>(key, entry));
        }
    }

    private sealed record Entry(byte[]? Value, long Count, DateTimeOffset ExpiresAt);
}

namespace Exchange.Gateway.Licences;

/// <summary>
/// Where the licence cache keeps its entries: Redis shared by every gateway instance, or this process's memory
/// when no Redis is configured. A store that cannot be reached behaves as empty and refuses writes, so lookups go
/// to the issuers instead.
/// </summary>
public interface ICacheStore
{
    /// <summary>True while entries can be read and written (Redis connected, or in memory).</summary>
    bool IsAvailable { get; }

    /// <summary>The values of the keys, null for each key missing (or all null when unavailable).</summary>
    Task<byte[]?[]> GetAsync(IReadOnlyList<string> keys);

    /// <summary>Stores the value; with <paramref name="onlyIfAbsent"/> an existing entry wins. False when not stored.</summary>
    Task<bool> SetAsync(string key, byte[] value, TimeSpan ttl, bool onlyIfAbsent);

    /// <summary>Tells every gateway instance (this one included) that a licence was revoked.</summary>
    Task PublishRevocationAsync(string licenceNumber);

    /// <summary>Raised on every instance for every published revocation, with the licence number.</summary>
    event Action<string>? RevocationReceived;
}

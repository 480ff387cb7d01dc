namespace Exchange.Gateway.Licences.Presentations;

/// <summary>
/// Where live presentation codes are kept, shared by every gateway instance so that a code is redeemed once across
/// them: Redis, or this process's memory for a single gateway without Redis. A store that does not answer throws
/// <see cref="Exchange.ServiceDefaults.Errors.UnavailableException"/>: codes fail closed, never redeemed twice.
/// </summary>
internal interface IPresentationStore
{
    /// <summary>Stores the code's record unless the key exists (SET NX); false when it existed.</summary>
    Task<bool> AddAsync(string key, byte[] record, TimeSpan ttl);

    /// <summary>Reads and deletes the record in one atomic step (GETDEL); null when there is none.</summary>
    Task<byte[]?> TakeAsync(string key);

    /// <summary>Counts one under the key (a failure, a use), the count expiring <paramref name="window"/> after the first; returns the count.</summary>
    Task<long> IncrementAsync(string key, TimeSpan window);

    /// <summary>What is counted under the key within its window; 0 when nothing.</summary>
    Task<long> CountAsync(string key);
}

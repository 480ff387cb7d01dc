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

    /// <summary>
    /// Reads and deletes the record and keeps it under <paramref name="usedKey"/> for <paramref name="usedFor"/>, in one
    /// atomic step: of two redemptions at once, one gets the record and the other finds it used. Null when there is none.
    /// </summary>
    Task<byte[]?> TakeAsync(string key, string usedKey, TimeSpan usedFor);

    /// <summary>The record under the key (a used code's); null when there is none.</summary>
    Task<byte[]?> GetAsync(string key);

    /// <summary>Counts one under the key, the count expiring <paramref name="window"/> after the first; returns the count.</summary>
    Task<long> IncrementAsync(string key, TimeSpan window);

    /// <summary>Takes back one counted under the key (never below zero), keeping its window.</summary>
    Task ReleaseAsync(string key);
}

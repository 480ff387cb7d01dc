namespace Exchange.ExchangeContext;

/// <summary>
/// A provider department's key for exchange-context MACs (HMAC-SHA256, 32 bytes), as the catalog hands it out.
/// <see cref="ExpireTime"/> is null for the current key and set for a previous one kept valid after a rotation.
/// </summary>
public sealed record ContextKey(string DepartmentCode, string KeyId, byte[] Key, bool Current, DateTimeOffset? ExpireTime)
{
    public const int Length = 32;

    public bool IsValidAt(DateTimeOffset now) => ExpireTime is null || ExpireTime > now;

    // Key material never goes into logs or exception messages by way of a record's generated ToString.
    public override string ToString() => $"context key {KeyId} of {DepartmentCode}{(Current ? " (current)" : string.Empty)}";
}

/// <summary>The context keys a provider or the gateway holds right now.</summary>
public interface IContextKeySource
{
    /// <summary>False until the first keys arrived (a provider then refuses calls UNAVAILABLE).</summary>
    bool HasKeys { get; }

    /// <summary>The key with this id, whatever its state; the verifier checks department and validity.</summary>
    ContextKey? Find(string keyId);
}

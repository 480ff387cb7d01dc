using System.Collections.Frozen;
using Exchange.ExchangeContext;

namespace Exchange.Adapters.Shared.Gateway;

/// <summary>The context keys of this provider department, as last fetched from the catalog. Thread-safe.</summary>
internal sealed class ProviderContextKeys : IContextKeySource
{
    private volatile FrozenDictionary<string, ContextKey>? _keys;

    /// <summary>Set when a call names a key this provider does not hold, so the fetcher asks the catalog early.</summary>
    public event Action? UnknownKey;

    public bool HasKeys => _keys is { Count: > 0 };

    public ContextKey? Find(string keyId)
    {
        if (_keys?.GetValueOrDefault(keyId) is { } key)
            return key;
        UnknownKey?.Invoke();
        return null;
    }

    public void Replace(IEnumerable<ContextKey> keys) => _keys = keys.ToFrozenDictionary(k => k.KeyId, StringComparer.Ordinal);
}

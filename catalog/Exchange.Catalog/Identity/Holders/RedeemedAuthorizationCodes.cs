using System.Collections.Concurrent;

namespace Exchange.Catalog.Identity.Holders;

/// <summary>
/// Authorization codes already exchanged for tokens. The token server keeps no token store (access tokens are
/// self-contained), so without this a stolen code could be redeemed again within its lifetime; a code is remembered
/// until it would have expired anyway. Per catalog process, like the codes' short life.
/// </summary>
public sealed class RedeemedAuthorizationCodes(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _redeemed = new(StringComparer.Ordinal);

    /// <summary>True the first time a code id is redeemed, false for every later attempt.</summary>
    public bool TryRedeem(string codeId, DateTimeOffset expiresAt)
    {
        var now = time.GetUtcNow();
        foreach (var (id, until) in _redeemed)
        {
            if (until <= now)
                _redeemed.TryRemove(id, out _);
        }
        return _redeemed.TryAdd(codeId, expiresAt);
    }
}

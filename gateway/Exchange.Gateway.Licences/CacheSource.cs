namespace Exchange.Gateway.Licences;

/// <summary>Where an answer came from; sent to callers as <c>x-exchange-cache</c> (hit, miss, joined, bypass).</summary>
internal enum CacheSource
{
    /// <summary>From the cache.</summary>
    Hit,

    /// <summary>Fetched from the issuer by this call, then cached.</summary>
    Miss,

    /// <summary>Waited for a fetch another call had started.</summary>
    Joined,

    /// <summary>The cache was unavailable (Redis down): fetched from the issuer without caching.</summary>
    Bypass,
}

internal static class CacheSourceNames
{
    /// <summary>The name in <c>x-exchange-cache</c> and in the cache lookup metric's result tag.</summary>
    public static string Name(this CacheSource source) => source switch
    {
        CacheSource.Hit => "hit",
        CacheSource.Miss => "miss",
        CacheSource.Joined => "joined",
        CacheSource.Bypass => "bypass",
        _ => "unknown",
    };
}

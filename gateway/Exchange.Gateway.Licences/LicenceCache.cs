using System.Text;
using Exchange.Gateway.Redis;
using Exchange.Gateway.Telemetry;
using Exchange.Protos.Licence.V1;
using Google.Protobuf;
using Microsoft.Extensions.Options;

namespace Exchange.Gateway.Licences;

/// <summary>
/// Cache-aside over the issuers. A licence is cached under its number (with its status as the issuer reported it, or
/// "no such licence"); a holder's licences per issuer as the list of their numbers, so a revocation, which overwrites
/// the licence's entry, shows in every list at once. Fetches write only where no entry exists, so a fetch that began
/// before a revocation cannot replace the revoked entry with the old status.
/// </summary>
internal sealed class LicenceCache
{
    private const byte Absent = 0;
    private const byte Present = 1;

    private readonly ICacheStore _store;
    private readonly IIssuerClient _issuers;
    private readonly LicenceOptions _options;
    private readonly GatewayMetrics _metrics;
    private readonly string _prefix;
    private readonly SingleFlight<(Licence? Licence, bool Stored)> _licenceFlights = new();
    private readonly SingleFlight<(IReadOnlyList<Licence> Licences, bool Stored)> _holderFlights = new();

    public LicenceCache(ICacheStore store, IIssuerClient issuers, IOptions<LicenceOptions> options, IOptions<RedisOptions> redisOptions, GatewayMetrics metrics)
    {
        _metrics = metrics;
        _store = store;
        _issuers = issuers;
        _options = options.Value;
        _prefix = redisOptions.Value.KeyPrefix;
        store.RevocationReceived += number => _licenceFlights.Forget(LicenceKey(number));
    }

    /// <summary>Raised when any gateway instance reports a revocation (for measuring propagation).</summary>
    public event Action<string>? RevocationSeen
    {
        add => _store.RevocationReceived += value;
        remove => _store.RevocationReceived -= value;
    }

    /// <summary>The licence as its issuer holds it (status included), or null when the issuer has no such licence.</summary>
    public async Task<(Licence? Licence, CacheSource Source)> GetAsync(LicenceIssuer issuer, string number, LicenceRequester requester, CancellationToken cancellationToken)
    {
        var key = LicenceKey(number);
        if (_store.IsAvailable)
        {
            var cached = (await _store.GetAsync([key]))[0];
            if (cached is not null)
                return (DecodeLicence(cached), Counted("licence", CacheSource.Hit));
        }
        // Asked again: a read that just failed makes the store unavailable.
        var available = _store.IsAvailable;

        var ((licence, stored), joined) = await _licenceFlights.RunAsync(key, async () =>
        {
            // A fetch that ended between this caller's read and its flight has stored its answer: take it.
            if (_store.IsAvailable && (await _store.GetAsync([key]))[0] is { } late)
                return (DecodeLicence(late), true);
            var fetched = await _issuers.GetAsync(issuer, number, requester, CancellationToken.None);
            await _store.SetAsync(key, EncodeLicence(fetched), fetched is null ? _options.NegativeCacheTtl : _options.CacheTtl, onlyIfAbsent: true);
            return (fetched, false);
        }, cancellationToken);
        return (licence, Counted("licence", Source(joined, stored, available)));
    }

    /// <summary>Every licence the issuer holds for the holder, in any status.</summary>
    public async Task<(IReadOnlyList<Licence> Licences, CacheSource Source)> ListAsync(LicenceIssuer issuer, string holderId, LicenceRequester requester, CancellationToken cancellationToken)
    {
        var holderKey = HolderKey(issuer, holderId);
        if (_store.IsAvailable && await CachedListAsync(holderKey) is { } cached)
            return (cached, Counted("holder", CacheSource.Hit));
        var available = _store.IsAvailable;

        var ((licences, stored), joined) = await _holderFlights.RunAsync(holderKey, async () =>
        {
            if (_store.IsAvailable && await CachedListAsync(holderKey) is { } late)
                return (late, true);
            var fetched = await _issuers.ListAsync(issuer, holderId, requester, CancellationToken.None);
            foreach (var licence in fetched)
                await _store.SetAsync(LicenceKey(licence.LicenceNumber), EncodeLicence(licence), _options.CacheTtl, onlyIfAbsent: true);
            var numbers = string.Join(',', fetched.Select(l => l.LicenceNumber));
            await _store.SetAsync(holderKey, Encoding.ASCII.GetBytes(numbers), fetched.Count == 0 ? _options.NegativeCacheTtl : _options.CacheTtl, onlyIfAbsent: false);
            return (fetched, false);
        }, cancellationToken);
        return (licences, Counted("holder", Source(joined, stored, available)));
    }

    private static CacheSource Source(bool joined, bool stored, bool available) =>
        joined ? CacheSource.Joined : stored ? CacheSource.Hit : available ? CacheSource.Miss : CacheSource.Bypass;

    /// <summary>Revokes at the issuer, then overwrites the cached licence and tells every gateway instance.</summary>
    public async Task<Licence> RevokeAsync(LicenceIssuer issuer, string number, string reason, LicenceRequester requester, CancellationToken cancellationToken)
    {
        var revoked = await _issuers.RevokeAsync(issuer, number, reason, requester, cancellationToken);
        var key = LicenceKey(number);
        await _store.SetAsync(key, EncodeLicence(revoked), _options.RevokedCacheTtl, onlyIfAbsent: false);
        _licenceFlights.Forget(key);
        await _store.PublishRevocationAsync(number);
        return revoked;
    }

    /// <summary>The cached list when it and every licence in it are cached; null otherwise (then it is fetched whole).</summary>
    private async Task<IReadOnlyList<Licence>?> CachedListAsync(string holderKey)
    {
        var entry = (await _store.GetAsync([holderKey]))[0];
        if (entry is null)
            return null;
        if (entry.Length == 0)
            return [];
        var keys = Encoding.ASCII.GetString(entry).Split(',').Select(LicenceKey).ToArray();
        var values = await _store.GetAsync(keys);
        var licences = new List<Licence>(values.Length);
        foreach (var value in values)
        {
            if (value is null || DecodeLicence(value) is not { } licence)
                return null;
            licences.Add(licence);
        }
        return licences;
    }

    private CacheSource Counted(string lookup, CacheSource source)
    {
        _metrics.LicenceCacheLookup(lookup, source.Name());
        return source;
    }

    private string LicenceKey(string number) => $"{_prefix}licence:{number}";

    private string HolderKey(LicenceIssuer issuer, string holderId) => $"{_prefix}holder:{issuer.Resource.Code}:{holderId}";

    private static byte[] EncodeLicence(Licence? licence)
    {
        if (licence is null)
            return [Absent];
        var bytes = new byte[1 + licence.CalculateSize()];
        bytes[0] = Present;
        licence.WriteTo(bytes.AsSpan(1));
        return bytes;
    }

    private static Licence? DecodeLicence(byte[] value) =>
        value.Length > 0 && value[0] == Present ? Licence.Parser.ParseFrom(value.AsSpan(1)) : null;
}

using System.Diagnostics.Metrics;
using Exchange.Gateway.Licences;
using Exchange.Gateway.Redis;
using Exchange.Gateway.Telemetry;
using Exchange.Protos.Licence.V1;
using Exchange.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Exchange.Gateway.UnitTests.Licences;

/// <summary>The cache's rules against an in-memory store and a fake issuer: what it serves, for how long, and that a revocation wins.</summary>
public sealed class LicenceCacheTests : IDisposable
{
    private static readonly string Holder = IdentifierVectors.Valid("citizenId").First();
    private static readonly LicenceIssuer Issuer = new(Catalogs.Resource("PS-LIC", service: LicenceIssuer.IssuerService, methods: ["GetLicence"]));
    private static readonly LicenceRequester Clerk = new("CIVIL-AFFAIRS", "CASE-1", "marriage registration", "req-1");

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly FakeIssuer _issuer = new();
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly LicenceOptions _options = new() { CacheTtl = TimeSpan.FromSeconds(60), NegativeCacheTtl = TimeSpan.FromSeconds(15), RevokedCacheTtl = TimeSpan.FromMinutes(10) };
    private readonly LicenceCache _cache;

    public LicenceCacheTests()
    {
        _issuer.Hold(Licence("L-1", LicenceStatus.Valid));
        _cache = new LicenceCache(new InProcessCacheStore(_time), _issuer, Options.Create(_options), Options.Create(new RedisOptions()),
            new GatewayMetrics(_services.GetRequiredService<IMeterFactory>()));
    }

    public void Dispose() => _services.Dispose();

    private static Licence Licence(string number, LicenceStatus status) =>
        new() { LicenceNumber = number, HolderId = Holder, TypeCode = "RIDC", IssuerDepartmentCode = "PUBLIC-SECURITY", Status = status };

    [Fact]
    public async Task First_lookup_misses_and_asks_the_issuer_the_second_is_a_hit()
    {
        var (first, firstSource) = await _cache.GetAsync(Issuer, "L-1", Clerk, CancellationToken.None);
        var (second, secondSource) = await _cache.GetAsync(Issuer, "L-1", Clerk, CancellationToken.None);

        Assert.Equal((CacheSource.Miss, CacheSource.Hit), (firstSource, secondSource));
        Assert.Equal(first, second);
        Assert.Equal(1, _issuer.Gets);
    }

    [Fact]
    public async Task Cached_licence_is_asked_for_again_after_its_time_to_live()
    {
        await _cache.GetAsync(Issuer, "L-1", Clerk, CancellationToken.None);

        _time.Advance(_options.CacheTtl);
        var (_, source) = await _cache.GetAsync(Issuer, "L-1", Clerk, CancellationToken.None);

        Assert.Equal(CacheSource.Miss, source);
        Assert.Equal(2, _issuer.Gets);
    }

    [Fact]
    public async Task Unknown_licence_is_remembered_for_the_shorter_negative_time_to_live()
    {
        var (absent, _) = await _cache.GetAsync(Issuer, "L-404", Clerk, CancellationToken.None);
        Assert.Null(absent);
        Assert.Equal(CacheSource.Hit, (await _cache.GetAsync(Issuer, "L-404", Clerk, CancellationToken.None)).Source);

        _issuer.Hold(Licence("L-404", LicenceStatus.Valid));
        _time.Advance(_options.NegativeCacheTtl);

        var (found, source) = await _cache.GetAsync(Issuer, "L-404", Clerk, CancellationToken.None);
        Assert.Equal(CacheSource.Miss, source);
        Assert.NotNull(found);
    }

    [Fact]
    public async Task Revocation_replaces_the_cached_licence_at_once_and_shows_in_the_holders_list()
    {
        var (listed, _) = await _cache.ListAsync(Issuer, Holder, Clerk, CancellationToken.None);
        Assert.Equal(LicenceStatus.Valid, Assert.Single(listed).Status);

        await _cache.RevokeAsync(Issuer, "L-1", "forged photo", Clerk, CancellationToken.None);

        var (licence, source) = await _cache.GetAsync(Issuer, "L-1", Clerk, CancellationToken.None);
        Assert.Equal(CacheSource.Hit, source);
        Assert.Equal(LicenceStatus.Revoked, licence!.Status);
        var (relisted, listSource) = await _cache.ListAsync(Issuer, Holder, Clerk, CancellationToken.None);
        Assert.Equal(CacheSource.Hit, listSource);
        Assert.Equal(LicenceStatus.Revoked, Assert.Single(relisted).Status);
    }

    [Fact]
    public async Task A_fetch_that_began_before_a_revocation_cannot_restore_the_old_status()
    {
        var slowGet = _issuer.HoldNextGet();
        var lookup = _cache.GetAsync(Issuer, "L-1", Clerk, CancellationToken.None);

        await _cache.RevokeAsync(Issuer, "L-1", "forged photo", Clerk, CancellationToken.None);
        slowGet.SetResult(Licence("L-1", LicenceStatus.Valid));
        await lookup;

        var (licence, _) = await _cache.GetAsync(Issuer, "L-1", Clerk, CancellationToken.None);
        Assert.Equal(LicenceStatus.Revoked, licence!.Status);
    }

    [Fact]
    public async Task Concurrent_misses_for_one_licence_ask_the_issuer_once()
    {
        var slowGet = _issuer.HoldNextGet();
        var first = _cache.GetAsync(Issuer, "L-1", Clerk, CancellationToken.None);
        var second = _cache.GetAsync(Issuer, "L-1", Clerk, CancellationToken.None);
        slowGet.SetResult(Licence("L-1", LicenceStatus.Valid));

        Assert.Equal(CacheSource.Miss, (await first).Source);
        Assert.Equal(CacheSource.Joined, (await second).Source);
        Assert.Equal(1, _issuer.Gets);
    }

    /// <summary>An issuer in memory; a get can be held open to interleave a revocation with it.</summary>
    private sealed class FakeIssuer : IIssuerClient
    {
        private readonly Dictionary<string, Licence> _licences = new(StringComparer.Ordinal);
        private TaskCompletionSource<Licence?>? _heldGet;

        public int Gets { get; private set; }

        public void Hold(Licence licence) => _licences[licence.LicenceNumber] = licence;

        public TaskCompletionSource<Licence?> HoldNextGet() => _heldGet = new TaskCompletionSource<Licence?>(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<IReadOnlyList<Licence>> ListAsync(LicenceIssuer issuer, string holderId, LicenceRequester requester, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<Licence>>([.. _licences.Values.Where(l => l.HolderId == holderId).Select(l => l.Clone())]);

        public Task<Licence?> GetAsync(LicenceIssuer issuer, string number, LicenceRequester requester, CancellationToken cancellationToken)
        {
            Gets++;
            if (_heldGet is { } held)
            {
                _heldGet = null;
                return held.Task;
            }
            return Task.FromResult(_licences.GetValueOrDefault(number)?.Clone());
        }

        public Task<Licence> RevokeAsync(LicenceIssuer issuer, string number, string reason, LicenceRequester requester, CancellationToken cancellationToken)
        {
            var revoked = _licences[number].Clone();
            revoked.Status = LicenceStatus.Revoked;
            _licences[number] = revoked;
            return Task.FromResult(revoked.Clone());
        }
    }
}

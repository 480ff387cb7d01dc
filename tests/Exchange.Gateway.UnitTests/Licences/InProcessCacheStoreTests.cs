using Exchange.Gateway.Licences;
using Microsoft.Extensions.Time.Testing;

namespace Exchange.Gateway.UnitTests.Licences;

public sealed class InProcessCacheStoreTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Entry_lives_exactly_its_time_to_live()
    {
        var store = new InProcessCacheStore(_time);
        await store.SetAsync("k", [1], TimeSpan.FromSeconds(60), onlyIfAbsent: false);

        _time.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal([1], (await store.GetAsync(["k"]))[0]);

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Null((await store.GetAsync(["k"]))[0]);
    }

    [Fact]
    public async Task Only_if_absent_keeps_a_live_entry_but_replaces_an_expired_one()
    {
        var store = new InProcessCacheStore(_time);
        await store.SetAsync("k", [1], TimeSpan.FromSeconds(10), onlyIfAbsent: false);

        Assert.False(await store.SetAsync("k", [2], TimeSpan.FromSeconds(10), onlyIfAbsent: true));
        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.True(await store.SetAsync("k", [3], TimeSpan.FromSeconds(10), onlyIfAbsent: true));
        Assert.Equal([3], (await store.GetAsync(["k"]))[0]);
    }
}

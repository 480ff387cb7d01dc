using Exchange.Gateway.Licences;
using Exchange.Gateway.Licences.Presentations;
using Exchange.Gateway.Redis;
using Exchange.ServiceDefaults.Errors;
using Exchange.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Exchange.Resilience.Tests.Presentations;

/// <summary>
/// Presentation codes in a real Redis shared by two gateway instances' connections: a code is taken by exactly one of
/// many concurrent redemptions across them and is found used by the others, counts go up and back down, and without
/// Redis nothing is made or redeemed (fail closed).
/// </summary>
public sealed class RedisPresentationStoreTests : IAsyncLifetime
{
    private readonly string _keyPrefix = $"test-{Guid.NewGuid():N}:";
    private RedisServer _redis = null!;

    public async ValueTask InitializeAsync() => _redis = await RedisServer.StartAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync() => await _redis.DisposeAsync();

    [Fact]
    public async Task Of_many_concurrent_redemptions_on_two_instances_exactly_one_takes_the_code()
    {
        using var first = Connect();
        using var second = Connect();
        var (a, b) = (new RedisPresentationStore(first), new RedisPresentationStore(second));
        Assert.True(await a.AddAsync("presentation:code-1", [1, 2, 3], TimeSpan.FromMinutes(5)));
        Assert.False(await b.AddAsync("presentation:code-1", [9], TimeSpan.FromMinutes(5)));

        var taken = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => (i % 2 == 0 ? a : b).TakeAsync("presentation:code-1", "presentation-used:code-1", TimeSpan.FromMinutes(5))));

        Assert.Equal([1, 2, 3], Assert.Single(taken, t => t is not null));
        Assert.Equal([1, 2, 3], await b.GetAsync("presentation-used:code-1"));
        Assert.Null(await a.GetAsync("presentation:code-1"));
        Assert.Equal(2, await a.IncrementAsync("presentation-failures:X", TimeSpan.FromMinutes(1)) + await b.IncrementAsync("presentation-failures:Y", TimeSpan.FromMinutes(1)));
        Assert.Equal(2, await b.IncrementAsync("presentation-failures:X", TimeSpan.FromMinutes(1)));
        await a.ReleaseAsync("presentation-failures:X");
        await a.ReleaseAsync("presentation-failures:Y");
        await a.ReleaseAsync("presentation-failures:Y");
        await a.ReleaseAsync("presentation-failures:never-counted");
        Assert.Equal(2, await b.IncrementAsync("presentation-failures:X", TimeSpan.FromMinutes(1)));
        Assert.Equal(1, await b.IncrementAsync("presentation-failures:Y", TimeSpan.FromMinutes(1)));
        Assert.Null(await a.GetAsync("presentation-failures:never-counted"));
    }

    [Fact]
    public async Task Without_Redis_a_code_is_neither_made_nor_redeemed()
    {
        using var connection = Connect();
        var store = new RedisPresentationStore(connection);
        await store.AddAsync("presentation:code-2", [1], TimeSpan.FromMinutes(5));
        _redis.Kill();
        await Eventually.WithinAsync(TimeSpan.FromSeconds(10), () => Task.FromResult(!connection.IsAvailable), "the connection notices Redis is gone");

        var take = await Assert.ThrowsAsync<UnavailableException>(() => store.TakeAsync("presentation:code-2", "presentation-used:code-2", TimeSpan.FromMinutes(5)));
        await Assert.ThrowsAsync<UnavailableException>(() => store.AddAsync("presentation:code-3", [1], TimeSpan.FromMinutes(5)));

        Assert.Contains("used once across gateway instances", take.Message, StringComparison.Ordinal);
    }

    private RedisConnection Connect() => new(
        Options.Create(new RedisOptions { Configuration = _redis.Configuration, KeyPrefix = _keyPrefix }),
        NullLogger<RedisConnection>.Instance, TimeProvider.System);
}

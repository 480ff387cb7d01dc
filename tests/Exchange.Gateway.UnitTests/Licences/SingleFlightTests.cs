using Exchange.Gateway.Licences;

namespace Exchange.Gateway.UnitTests.Licences;

public sealed class SingleFlightTests
{
    private readonly SingleFlight<int> _flights = new();

    [Fact]
    public async Task Callers_missing_the_same_key_share_one_fetch()
    {
        var release = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var fetches = 0;
        Task<int> Fetch()
        {
            Interlocked.Increment(ref fetches);
            return release.Task;
        }

        var first = _flights.RunAsync("licence:1", Fetch, CancellationToken.None);
        var second = _flights.RunAsync("licence:1", Fetch, CancellationToken.None);
        release.SetResult(42);

        Assert.Equal((42, false), await first);
        Assert.Equal((42, true), await second);
        Assert.Equal(1, fetches);
    }

    [Fact]
    public async Task Different_keys_fetch_separately()
    {
        var (a, joinedA) = await _flights.RunAsync("a", () => Task.FromResult(1), CancellationToken.None);
        var (b, joinedB) = await _flights.RunAsync("b", () => Task.FromResult(2), CancellationToken.None);

        Assert.Equal((1, false), (a, joinedA));
        Assert.Equal((2, false), (b, joinedB));
    }

    [Fact]
    public async Task A_failed_fetch_fails_its_joiners_and_the_next_caller_fetches_again()
    {
        var release = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = _flights.RunAsync("k", () => release.Task, CancellationToken.None);
        var joiner = _flights.RunAsync("k", () => Task.FromResult(0), CancellationToken.None);
        release.SetException(new InvalidOperationException("issuer down"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => first);
        await Assert.ThrowsAsync<InvalidOperationException>(() => joiner);
        Assert.Equal((7, false), await _flights.RunAsync("k", () => Task.FromResult(7), CancellationToken.None));
    }

    [Fact]
    public async Task A_joiner_that_gives_up_does_not_cancel_the_fetch()
    {
        var release = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = _flights.RunAsync("k", () => release.Task, CancellationToken.None);
        using var giveUp = new CancellationTokenSource();
        var joiner = _flights.RunAsync("k", () => Task.FromResult(0), giveUp.Token);

        await giveUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => joiner);
        release.SetResult(5);
        Assert.Equal((5, false), await first);
    }

    [Fact]
    public async Task Forget_lets_the_next_caller_start_a_fresh_fetch()
    {
        var stale = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = _flights.RunAsync("k", () => stale.Task, CancellationToken.None);

        _flights.Forget("k");
        var fresh = await _flights.RunAsync("k", () => Task.FromResult(2), CancellationToken.None);

        Assert.Equal((2, false), fresh);
        stale.SetResult(1);
        await running;
    }
}

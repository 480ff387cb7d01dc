using System.Diagnostics;
using System.Threading.Channels;

namespace Exchange.Gateway.Catalog;

/// <summary>
/// Runs one piece of work in the background each time it is signalled, never two at once; signals that arrive while
/// it runs fold into a single run after it. For work that only needs the latest state, such as rebuilding the routes
/// or saving the catalog snapshot, so a burst of a thousand catalog changes costs a few runs, not a thousand.
/// </summary>
internal sealed class CoalescingWorker : IAsyncDisposable
{
    // One slot: a signal while one is already pending changes nothing.
    private readonly Channel<bool> _pending = Channel.CreateBounded<bool>(new BoundedChannelOptions(1)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = true,
    });

    private readonly Task _loop;

    /// <param name="work">Must not throw: it reports its own failures (a failure does not stop later runs).</param>
    /// <param name="restAfterRun">
    /// Wait as long as a run took before the next one: a lone signal is served at once, but a long burst of signals
    /// then takes at most half of one core (and each run folds in more of the burst).
    /// </param>
    public CoalescingWorker(Func<Task> work, bool restAfterRun = false)
    {
        _loop = Task.Run(async () =>
        {
            await foreach (var _ in _pending.Reader.ReadAllAsync())
            {
                var started = Stopwatch.GetTimestamp();
                await work();
                if (restAfterRun)
                    await Task.Delay(Stopwatch.GetElapsedTime(started));
            }
        });
    }

    public void Signal() => _pending.Writer.TryWrite(true);

    /// <summary>Stops taking signals and waits for the run still pending, so nothing signalled is dropped.</summary>
    public async ValueTask DisposeAsync()
    {
        _pending.Writer.TryComplete();
        await _loop;
    }
}

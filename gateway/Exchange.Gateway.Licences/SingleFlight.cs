using System.Collections.Concurrent;

namespace Exchange.Gateway.Licences;

/// <summary>
/// One fetch per key at a time: callers that miss while a fetch for the same key is running wait for its result
/// instead of asking the issuer again (stampede protection). The fetch does not run on any caller's cancellation.
/// </summary>
internal sealed class SingleFlight<T>
{
    private readonly ConcurrentDictionary<string, Task<T>> _flights = new(StringComparer.Ordinal);

    /// <summary>The fetched value, and whether this caller joined a fetch another caller started.</summary>
    public async Task<(T Value, bool Joined)> RunAsync(string key, Func<Task<T>> fetch, CancellationToken cancellationToken)
    {
        var mine = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var flight = _flights.GetOrAdd(key, mine.Task);
        if (!ReferenceEquals(flight, mine.Task))
            return (await flight.WaitAsync(cancellationToken), true);

        try
        {
            var value = await fetch();
            mine.SetResult(value);
            return (value, false);
        }
        catch (Exception ex)
        {
            mine.SetException(ex);
            _ = mine.Task.Exception;
            throw;
        }
        finally
        {
            _flights.TryRemove(new KeyValuePair<string, Task<T>>(key, mine.Task));
        }
    }

    /// <summary>Lets the next caller start a new fetch (after a revocation, a running fetch may hold the old status).</summary>
    public void Forget(string key) => _flights.TryRemove(key, out _);
}

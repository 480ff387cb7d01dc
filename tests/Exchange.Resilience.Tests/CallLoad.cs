using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;

namespace Exchange.Resilience.Tests;

/// <summary>One call's outcome as the client saw it.</summary>
public sealed record CallOutcome(string Target, StatusCode Status, string RequestId, TimeSpan Latency, DateTime StartedUtc, string Detail = "");

/// <summary>
/// A bounded load: a fixed number of callers, each calling in a loop until stopped (or a hard time limit), every
/// outcome kept. Used to put a fault in the middle of real traffic.
/// </summary>
public sealed class CallLoad : IAsyncDisposable
{
    private static readonly TimeSpan HardLimit = TimeSpan.FromMinutes(5);

    private readonly ConcurrentQueue<CallOutcome> _outcomes = new();
    private readonly CancellationTokenSource _stop = new(HardLimit);
    private readonly Task[] _callers;

    private CallLoad(int callers, Func<int, CancellationToken, Task<CallOutcome>> call)
    {
        _callers = Enumerable.Range(0, callers).Select(i => Task.Run(async () =>
        {
            for (var n = 0; !_stop.IsCancellationRequested; n++)
                _outcomes.Enqueue(await call(i * 1_000_000 + n, _stop.Token));
        })).ToArray();
    }

    public static CallLoad Start(int callers, Func<int, CancellationToken, Task<CallOutcome>> call) => new(callers, call);

    public IReadOnlyList<CallOutcome> Outcomes => [.. _outcomes];

    /// <summary>Waits until <paramref name="enough"/> holds for the number of calls completed so far (polled, bounded by <paramref name="within"/>).</summary>
    public async Task WhenCompletedAsync(Func<int, bool> enough, TimeSpan within)
    {
        var deadline = Stopwatch.StartNew();
        while (!enough(_outcomes.Count))
        {
            if (deadline.Elapsed > within)
                throw new TimeoutException($"the load completed only {_outcomes.Count} calls in {within.TotalSeconds} s");
            await Task.Delay(TimeSpan.FromMilliseconds(10));
        }
    }

    /// <summary>
    /// Waits until at least <paramref name="calls"/> completed calls satisfy <paramref name="counted"/> (polled, bounded by
    /// <see cref="FaultScale.PhaseLimit"/>): a phase of the load measured in calls rather than in seconds.
    /// </summary>
    public async Task UntilAsync(int calls, Func<CallOutcome, bool> counted, string what)
    {
        var deadline = Stopwatch.StartNew();
        while (_outcomes.Count(counted) < calls)
        {
            if (deadline.Elapsed > FaultScale.PhaseLimit)
                throw new TimeoutException($"within {FaultScale.PhaseLimit.TotalSeconds} s only {_outcomes.Count(counted)} of {calls} calls {what} completed ({_outcomes.Count} in all)");
            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }
    }

    public async Task<IReadOnlyList<CallOutcome>> StopAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_callers);
        return Outcomes;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
            await StopAsync();
        _stop.Dispose();
    }

    /// <summary>Runs one unary call and records its status and the gateway's request id (header x-exchange-request-id).</summary>
    public static async Task<CallOutcome> MeasureAsync<T>(string target, Func<AsyncUnaryCall<T>> start)
    {
        var started = Stopwatch.StartNew();
        var startedUtc = DateTime.UtcNow;
        using var call = start();
        try
        {
            await call.ResponseAsync;
            var headers = await call.ResponseHeadersAsync;
            return new CallOutcome(target, StatusCode.OK, headers.GetValue("x-exchange-request-id") ?? string.Empty, started.Elapsed, startedUtc);
        }
        catch (RpcException ex)
        {
            return new CallOutcome(target, ex.StatusCode, string.Empty, started.Elapsed, startedUtc, ex.Status.Detail);
        }
    }
}

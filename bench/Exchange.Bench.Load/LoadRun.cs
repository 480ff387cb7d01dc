using System.Diagnostics;
using System.Globalization;
using System.Text;
using Grpc.Core;
using Grpc.Net.Client;

namespace Exchange.Bench.Load;

internal sealed record LoadSettings(
    Uri Target, BenchCall Call, CallAuth Auth, int Concurrency, TimeSpan WarmUp, TimeSpan Duration, IReadOnlyList<int> Pids, string Label, BenchTls Tls, CpuMeter? Cpu);

/// <summary>
/// A closed-loop load run: <c>Concurrency</c> callers share one <see cref="GrpcChannel"/> (one HTTP/2 connection),
/// each issuing the next call when the previous one completes. Calls completing during the warm-up are not counted.
/// Every call has a deadline, and the run stops by itself after warm-up + duration (+ a bounded drain).
/// </summary>
internal static class LoadRun
{
    private static readonly TimeSpan CallDeadline = TimeSpan.FromSeconds(5);

    // The first call of a cold target (JIT, TLS handshakes, pools) can take seconds on a loaded machine.
    private static readonly TimeSpan FirstCallDeadline = TimeSpan.FromSeconds(60);

    public static async Task<int> RunAsync(LoadSettings settings)
    {
        using var channel = GrpcChannel.ForAddress(settings.Target, new GrpcChannelOptions
        {
            HttpHandler = settings.Tls.Handler(singleConnection: true),
        });
        var invoker = channel.CreateCallInvoker();

        // One call first, so a misconfigured target fails loudly instead of as a run of errors.
        try
        {
            var size = await settings.Call.Invoke(invoker, await settings.Auth.HeadersAsync(default), DateTime.UtcNow + FirstCallDeadline);
            Console.Error.WriteLine($"[{settings.Label}] first call OK, response message {size} bytes");
        }
        catch (RpcException e)
        {
            Console.Error.WriteLine($"[{settings.Label}] first call failed: {e.StatusCode} {e.Status.Detail}");
            return 3;
        }

        var start = Stopwatch.GetTimestamp();
        var measureFrom = start + ToTicks(settings.WarmUp);
        var stopAt = measureFrom + ToTicks(settings.Duration);
        using var hardStop = new CancellationTokenSource(settings.WarmUp + settings.Duration + CallDeadline + TimeSpan.FromSeconds(5));

        using var memory = settings.Pids.Count > 0 ? new MemorySampler(settings.Pids) : null;
        var workers = new Worker[settings.Concurrency];
        var tasks = new Task[settings.Concurrency];
        for (var i = 0; i < workers.Length; i++)
        {
            workers[i] = new Worker(settings, invoker, measureFrom, stopAt, hardStop.Token);
            tasks[i] = Task.Run(workers[i].RunAsync);
        }
        var warmUpDone = Task.Delay(settings.WarmUp).ContinueWith(_ => { memory?.Start(); settings.Cpu?.Start(); }, TaskScheduler.Default);
        // CPU is read when the measured window closes, not after the drain of calls still in flight.
        var measuredDone = Task.Delay(settings.WarmUp + settings.Duration).ContinueWith(_ => settings.Cpu?.Stop(), TaskScheduler.Default);
        await Task.WhenAll(tasks);
        await warmUpDone;
        await measuredDone;
        var end = Stopwatch.GetTimestamp();
        memory?.Stop();

        var measured = Stopwatch.GetElapsedTime(measureFrom, Math.Min(end, Math.Max(stopAt, measureFrom)));
        var latencies = new List<long>();
        var errors = new Dictionary<StatusCode, long>();
        string? firstError = null;
        foreach (var worker in workers)
        {
            latencies.AddRange(worker.Latencies);
            foreach (var (code, count) in worker.Errors)
                errors[code] = errors.GetValueOrDefault(code) + count;
            firstError ??= worker.FirstError;
        }
        latencies.Sort();

        Report(settings, latencies, errors, firstError, measured, memory);
        return 0;
    }

    private static void Report(
        LoadSettings settings, List<long> latencies, Dictionary<StatusCode, long> errors, string? firstError, TimeSpan measured, MemorySampler? memory)
    {
        var count = latencies.Count;
        var errorCount = errors.Values.Sum();
        var rps = (count + errorCount) / measured.TotalSeconds;
        double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
        double Percentile(double p) => count == 0 ? double.NaN : Ms(latencies[Math.Clamp((int)Math.Ceiling(p * count) - 1, 0, count - 1)]);
        var mean = count == 0 ? double.NaN : Ms((long)latencies.Average());

        var fields = new List<(string Key, string Value)>
        {
            ("label", settings.Label),
            ("method", settings.Call.Name),
            ("target", settings.Target.ToString()),
            ("concurrency", settings.Concurrency.ToString(CultureInfo.InvariantCulture)),
            ("seconds", F(measured.TotalSeconds, 1)),
            ("ok", count.ToString(CultureInfo.InvariantCulture)),
            ("errors", errorCount.ToString(CultureInfo.InvariantCulture)),
            ("rps", F(rps, 0)),
            ("mean_ms", F(mean, 3)),
            ("p50_ms", F(Percentile(0.50), 3)),
            ("p90_ms", F(Percentile(0.90), 3)),
            ("p99_ms", F(Percentile(0.99), 3)),
            ("p999_ms", F(Percentile(0.999), 3)),
            ("max_ms", F(count == 0 ? double.NaN : Ms(latencies[^1]), 3)),
        };
        if (memory is not null)
        {
            fields.Add(("rss_mb", F(memory.Last / 1024.0, 1)));
            fields.Add(("rss_peak_mb", F(memory.Peak / 1024.0, 1)));
            fields.Add(("hwm_mb", F(memory.HighWaterMark / 1024.0, 1)));
        }

        foreach (var (name, microseconds) in settings.Cpu?.PerCall(count + errorCount) ?? [])
            fields.Add(("cpu_us_" + name, F(microseconds, 0)));

        var human = new StringBuilder();
        human.Append(CultureInfo.InvariantCulture, $"[{settings.Label}] {settings.Call.Path} c={settings.Concurrency}: ")
            .Append(CultureInfo.InvariantCulture, $"{rps:F0} req/s, mean {mean:F3} ms, p50 {Percentile(0.5):F3}, p90 {Percentile(0.9):F3}, ")
            .Append(CultureInfo.InvariantCulture, $"p99 {Percentile(0.99):F3}, p99.9 {Percentile(0.999):F3} ms, {errorCount} errors");
        if (memory is not null)
            human.Append(CultureInfo.InvariantCulture, $", target RSS {memory.Last / 1024.0:F1} MB (peak in run {memory.Peak / 1024.0:F1} MB)");
        Console.Error.WriteLine(human.ToString());
        if (errorCount > 0)
            Console.Error.WriteLine($"[{settings.Label}] errors: {string.Join(", ", errors.Select(e => $"{e.Key}={e.Value}"))}; first: {firstError}");
        Console.WriteLine("RESULT " + string.Join(' ', fields.Select(f => $"{f.Key}={f.Value}")));
    }

    private static string F(double value, int digits) =>
        double.IsNaN(value) ? "nan" : value.ToString("F" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static long ToTicks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);

    private sealed class Worker(LoadSettings settings, CallInvoker invoker, long measureFrom, long stopAt, CancellationToken hardStop)
    {
        public List<long> Latencies { get; } = new(16 * 1024);

        public Dictionary<StatusCode, long> Errors { get; } = [];

        public string? FirstError { get; private set; }

        public async Task RunAsync()
        {
            while (!hardStop.IsCancellationRequested)
            {
                var begin = Stopwatch.GetTimestamp();
                if (begin >= stopAt)
                    return;
                StatusCode? failed = null;
                try
                {
                    var headers = await settings.Auth.HeadersAsync(hardStop);
                    await settings.Call.Invoke(invoker, headers, DateTime.UtcNow + CallDeadline);
                }
                catch (RpcException e)
                {
                    failed = e.StatusCode;
                    FirstError ??= $"{e.StatusCode}: {e.Status.Detail}";
                }
                catch (OperationCanceledException) when (hardStop.IsCancellationRequested)
                {
                    return;
                }
                var done = Stopwatch.GetTimestamp();
                if (begin < measureFrom || done > stopAt)
                    continue;
                if (failed is { } code)
                    Errors[code] = Errors.GetValueOrDefault(code) + 1;
                else
                    Latencies.Add(done - begin);
            }
        }
    }
}

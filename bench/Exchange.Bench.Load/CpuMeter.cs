using System.Globalization;

namespace Exchange.Bench.Load;

/// <summary>
/// CPU time (user + system, /proc/&lt;pid&gt;/stat) of named processes over the measured window, so each can be reported
/// as µs per call: e.g. gateway=123,adapter=456 (nginx's master and workers: nginx=1+2+3).
/// </summary>
internal sealed class CpuMeter
{
    private static readonly double TicksPerSecond = ClockTicks();
    private readonly (string Name, int[] Pids)[] _processes;
    private double[]? _start;
    private double[]? _stop;

    private CpuMeter((string Name, int[] Pids)[] processes) => _processes = processes;

    public static CpuMeter? Parse(string? value) => string.IsNullOrEmpty(value)
        ? null
        : new CpuMeter([.. value.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(entry =>
        {
            var parts = entry.Split('=', 2);
            if (parts.Length != 2)
                throw new ArgumentException($"--cpu expects NAME=PID[+PID...] entries, got '{entry}'");
            return (parts[0], parts[1].Split('+').Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray());
        })]);

    public void Start() => _start = Read();

    public void Stop() => _stop ??= Read();

    /// <summary>Pairs of (name, µs of CPU per call) for <paramref name="calls"/> calls in the window.</summary>
    public IEnumerable<(string Name, double MicrosecondsPerCall)> PerCall(long calls)
    {
        if (_start is null || _stop is null || calls == 0)
            yield break;
        for (var i = 0; i < _processes.Length; i++)
            yield return (_processes[i].Name, (_stop[i] - _start[i]) * 1e6 / calls);
    }

    private double[] Read() => [.. _processes.Select(p => p.Pids.Sum(Seconds))];

    private static double Seconds(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        // Fields after the command name (which may hold spaces) in parentheses: utime and stime are fields 14 and 15.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
    }

    // USER_HZ is 100 on every Linux the bench runs on (getconf CLK_TCK); sysconf is not reachable without P/Invoke.
    private static double ClockTicks() => 100.0;
}

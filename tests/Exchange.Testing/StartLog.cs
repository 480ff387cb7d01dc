using System.Diagnostics;
using System.Globalization;

namespace Exchange.Testing;

/// <summary>
/// One line per service and cluster start (when, how long, the CPU the process used until it served, the machine's
/// load), appended to the file named by <see cref="Variable"/>: scripts/test.sh sets it for a run and sums the lines
/// per test project, so where a run's minutes go stays visible. Without the variable nothing is written.
/// </summary>
public static class StartLog
{
    public const string Variable = "EXCHANGE_START_LOG";

    private static readonly string? Path = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } path ? path : null;
    private static readonly string Project = System.IO.Path.GetFileName(Environment.ProcessPath ?? "tests");
    private static readonly Lock Gate = new();

    /// <summary>A service process reported SERVING: <paramref name="wall"/> since it was launched, its CPU time so far.</summary>
    public static void Service(ExchangeService service, int pid, TimeSpan wall, bool restart) =>
        Write($"service {service}{(restart ? " (restart)" : "")} wall={Seconds(wall)} cpu={CpuSecondsOf(pid)}");

    /// <summary>A whole cluster served: its phases in the order they ran.</summary>
    public static void Cluster(TimeSpan wall, IEnumerable<(string Phase, TimeSpan Took)> phases) =>
        Write($"cluster wall={Seconds(wall)} " + string.Join(' ', phases.Select(p => $"{p.Phase}={Seconds(p.Took)}")));

    /// <summary>Any other start worth counting (Redis, PostgreSQL, an in-process host).</summary>
    public static void Other(string what, TimeSpan wall) => Write($"{what} wall={Seconds(wall)}");

    private static void Write(string what)
    {
        if (Path is null)
            return;
        var line = $"{DateTime.UtcNow:HH:mm:ss} {Project} {what} load={LoadAverage()}{Environment.NewLine}";
        lock (Gate)
        {
            try
            {
                File.AppendAllText(Path, line);
            }
            catch (IOException)
            {
                // A measurement, not a result: never fail a test for it.
            }
        }
    }

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture);

    /// <summary>utime + stime of a process in seconds (/proc/PID/stat fields 14 and 15, in clock ticks of 1/100 s).</summary>
    private static string CpuSecondsOf(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The command name (field 2) may hold spaces; the fields after it are counted from its closing parenthesis.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return (ticks / 100.0).ToString("F1", CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or FormatException or IndexOutOfRangeException or UnauthorizedAccessException)
        {
            return "?";
        }
    }

    private static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "?";
        }
    }

    /// <summary>A stopwatch for the phases of one cluster start.</summary>
    public sealed class Phases
    {
        private readonly Stopwatch _total = Stopwatch.StartNew();
        private readonly Stopwatch _phase = Stopwatch.StartNew();
        private readonly List<(string, TimeSpan)> _done = [];

        public void End(string phase)
        {
            _done.Add((phase, _phase.Elapsed));
            _phase.Restart();
        }

        public void Log() => Cluster(_total.Elapsed, _done);
    }
}

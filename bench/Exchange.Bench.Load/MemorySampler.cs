using System.Globalization;

namespace Exchange.Bench.Load;

/// <summary>
/// Samples the resident set of one or more processes (the sum of VmRSS in /proc/&lt;pid&gt;/status, kB; several
/// for nginx's master and workers) every 250 ms while load runs.
/// </summary>
internal sealed class MemorySampler(IReadOnlyList<int> pids) : IDisposable
{
    private readonly string[] _status = [.. pids.Select(pid => $"/proc/{pid}/status")];
    private Timer? _timer;

    public long Last { get; private set; }

    public long Peak { get; private set; }

    /// <summary>VmHWM: the peak resident set since the process started, at the last sample.</summary>
    public long HighWaterMark { get; private set; }

    public void Start()
    {
        Sample();
        _timer = new Timer(_ => Sample(), null, TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(250));
    }

    public void Stop()
    {
        _timer?.Dispose();
        _timer = null;
        Sample();
    }

    private void Sample()
    {
        lock (this)
        {
            long rss = 0, hwm = 0;
            foreach (var status in _status)
            {
                try
                {
                    foreach (var line in File.ReadLines(status))
                    {
                        if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                            rss += Kilobytes(line);
                        else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                            hwm += Kilobytes(line);
                    }
                }
                catch (IOException)
                {
                    return; // a process ended; keep the last figures
                }
            }
            Last = rss;
            Peak = Math.Max(Peak, rss);
            HighWaterMark = hwm;
        }
    }

    private static long Kilobytes(string line) =>
        long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture);

    public void Dispose() => _timer?.Dispose();
}

using System.Globalization;

namespace Exchange.Catalog.Admin.Statistics;

/// <summary>
/// Geometry of a chart over every bucket of the window, drawn by the page as inline SVG (no script, nothing fetched):
/// calls (all, denied, and one line per consumer department), or the p95 latency in milliseconds.
/// </summary>
public sealed class CallChart
{
    public const int Width = 960;
    public const int Height = 280;
    public const int Left = 56;
    public const int Right = 16;
    public const int Top = 16;
    public const int Bottom = 40;
    private const int XLabels = 6;

    private static readonly string[] Palette = ["#1f7a4d", "#b4531f", "#6b3fa0", "#0f7c8c", "#a0306b", "#5c6b00"];

    /// <summary>The line of all calls; the page names the others by their department.</summary>
    public const string TotalLine = "合计";

    /// <summary>The line of denied calls.</summary>
    public const string DenialsLine = "拒绝";

    /// <summary>The line of the p95 latency.</summary>
    public const string LatencyLine = "P95 时延（毫秒）";

    private CallChart(IReadOnlyList<BucketLine> buckets, IReadOnlyList<(string Label, string Colour, long[] Values)> series, Func<DateTimeOffset, string> label)
    {
        Max = NiceCeiling(series.SelectMany(s => s.Values).DefaultIfEmpty().Max());
        Lines = series.Select(s => new ChartLine(s.Label, s.Colour, Points(s.Values))).ToList();
        YTicks = Enumerable.Range(0, 5).Select(i => new ChartTick((Max * i / 4).ToString(CultureInfo.InvariantCulture), Y(Max * i / 4.0))).ToList();
        var step = Math.Max(1, (int)Math.Ceiling(buckets.Count / (double)XLabels));
        XTicks = Enumerable.Range(0, buckets.Count).Where(i => i % step == 0).Select(i => new ChartTick(label(buckets[i].Start), X(i, buckets.Count))).ToList();
    }

    /// <summary>The top of the y axis: the most calls in one bucket, rounded up to a value that divides into four ticks.</summary>
    public long Max { get; }

    public IReadOnlyList<ChartLine> Lines { get; }
    public IReadOnlyList<ChartTick> YTicks { get; }
    public IReadOnlyList<ChartTick> XTicks { get; }

    public static double PlotWidth => Width - Left - Right;
    public static double PlotBottom => Height - Bottom;

    /// <summary>Calls per bucket: all, denied, and per consumer department.</summary>
    public static CallChart Of(MergedCallStatistics statistics, Func<DateTimeOffset, string> label)
    {
        var buckets = statistics.Buckets;
        var series = new List<(string, string, long[])>
        {
            (TotalLine, "#0b4f8a", buckets.Select(b => b.Calls).ToArray()),
            (DenialsLine, "#b42318", buckets.Select(b => b.Denials).ToArray()),
        };
        var colour = 0;
        foreach (var (consumer, calls) in statistics.CallsByConsumer)
            series.Add((consumer, Palette[colour++ % Palette.Length], calls));
        return new CallChart(buckets, series, label);
    }

    /// <summary>The p95 latency per bucket, in whole milliseconds (rounded up, so a slow bucket never reads as 0).</summary>
    public static CallChart Latency(MergedCallStatistics statistics, Func<DateTimeOffset, string> label) =>
        new(statistics.Buckets, [(LatencyLine, "#8a5a00", statistics.Buckets.Select(b => (b.P95LatencyMicros + 999) / 1000).ToArray())], label);

    private string Points(long[] calls) =>
        string.Join(' ', calls.Select((value, i) => $"{Format(X(i, calls.Length))},{Format(Y(value))}"));

    private static double X(int index, int count) => count <= 1 ? Left + PlotWidth / 2 : Left + PlotWidth * index / (count - 1);

    private double Y(double value) => PlotBottom - (Height - Top - Bottom) * value / Max;

    private static string Format(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static long NiceCeiling(long value)
    {
        if (value <= 4)
            return 4;
        var magnitude = (long)Math.Pow(10, Math.Floor(Math.Log10(value)));
        foreach (var factor in new[] { 1, 2, 4, 5, 8, 10 })
        {
            var candidate = factor * magnitude;
            if (candidate >= value && candidate % 4 == 0)
                return candidate;
        }
        return (value + 3) / 4 * 4;
    }
}

public sealed record ChartLine(string Label, string Colour, string Points);

public sealed record ChartTick(string Label, double Position);

using Exchange.Protos.Audit.V1;

namespace Exchange.Catalog.Admin.Statistics;

/// <summary>What one gateway instance answered, or why it did not.</summary>
public sealed record GatewayAnswer(Uri Address, GetCallStatisticsResponse? Statistics, string? Problem);

public sealed record CallCountsLine(string Key, string Name, long Calls, long Denials, long P95LatencyMicros);

public sealed record BucketLine(DateTimeOffset Start, long Calls, long Denials, long P95LatencyMicros = 0);

public sealed record MaterialLine(string Code, string Name, long Checks, long MaterialsChecked, long MaterialsExempted);

/// <summary>
/// The statistics of every gateway that answered, added up. Counts add exactly; a percentile does not, so with more
/// than one instance the p95 shown is the largest instance's p95, which is at least the p95 of all calls together.
/// </summary>
public sealed class MergedCallStatistics
{
    private MergedCallStatistics(StatisticsWindow window, IReadOnlyList<GatewayAnswer> answers)
    {
        Window = window;
        Answers = answers;
        var answered = answers.Where(a => a.Statistics is not null).Select(a => a.Statistics!).ToList();
        Answered = answered.Count;

        var total = answered.Select(s => s.Total ?? new CallCounts()).ToList();
        Total = new CallCountsLine("", "", total.Sum(t => t.Calls), total.Sum(t => t.Denials), total.Select(t => t.P95LatencyMicros).DefaultIfEmpty().Max());
        Consumers = Merge(answered.SelectMany(s => s.Consumers), c => c.ConsumerDepartmentCode);
        Resources = Merge(answered.SelectMany(s => s.Resources), c => c.ResourceCode, c => c.ProviderDepartmentCode);

        var calls = new long[window.BucketCount];
        var denials = new long[window.BucketCount];
        var p95 = new long[window.BucketCount];
        foreach (var bucket in answered.SelectMany(s => s.Buckets))
        {
            // Each gateway's p95 of its own calls; the largest is the bound the page can state for all of them.
            if (IndexOf(bucket.StartTime.ToDateTimeOffset()) is { } at)
                p95[at] = Math.Max(p95[at], bucket.P95LatencyMicros);
        }
        var byConsumer = new SortedDictionary<string, long[]>(StringComparer.Ordinal);
        foreach (var series in answered.SelectMany(s => s.Series))
        {
            var index = IndexOf(series.StartTime.ToDateTimeOffset());
            if (index is null)
                continue;
            calls[index.Value] += series.Calls;
            denials[index.Value] += series.Denials;
            if (!byConsumer.TryGetValue(series.ConsumerDepartmentCode, out var line))
                byConsumer[series.ConsumerDepartmentCode] = line = new long[window.BucketCount];
            line[index.Value] += series.Calls;
        }
        Buckets = Enumerable.Range(0, window.BucketCount).Select(i => new BucketLine(window.BucketStart(i), calls[i], denials[i], p95[i])).ToList();
        CallsByConsumer = byConsumer;

        Materials = answered.SelectMany(s => s.ServiceItems)
            .GroupBy(m => m.ServiceItemCode, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new MaterialLine(g.Key, g.First().ServiceItemName, g.Sum(m => m.Checks), g.Sum(m => m.MaterialsChecked), g.Sum(m => m.MaterialsExempted)))
            .ToList();
        MaterialsExempted = answered.Sum(s => s.MaterialsExemptedTotal);
    }

    public StatisticsWindow Window { get; }
    public IReadOnlyList<GatewayAnswer> Answers { get; }
    public int Answered { get; }
    public CallCountsLine Total { get; }
    public IReadOnlyList<CallCountsLine> Consumers { get; }

    /// <summary>Per resource; <see cref="CallCountsLine.Name"/> is the provider department.</summary>
    public IReadOnlyList<CallCountsLine> Resources { get; }

    /// <summary>Every bucket of the window, empty ones too.</summary>
    public IReadOnlyList<BucketLine> Buckets { get; }

    /// <summary>Calls per bucket of each consumer department.</summary>
    public IReadOnlyDictionary<string, long[]> CallsByConsumer { get; }

    public IReadOnlyList<MaterialLine> Materials { get; }
    public long MaterialsExempted { get; }

    public static MergedCallStatistics Of(StatisticsWindow window, IReadOnlyList<GatewayAnswer> answers) => new(window, answers);

    private int? IndexOf(DateTimeOffset start)
    {
        var index = (int)Math.Floor((start - Window.From) / Window.Bucket + 1e-9);
        return index >= 0 && index < Window.BucketCount ? index : null;
    }

    private static List<CallCountsLine> Merge(IEnumerable<CallCounts> rows, Func<CallCounts, string> key, Func<CallCounts, string>? name = null) =>
        rows.GroupBy(key, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new CallCountsLine(g.Key, name is null ? "" : name(g.First()), g.Sum(r => r.Calls), g.Sum(r => r.Denials), g.Max(r => r.P95LatencyMicros)))
            .ToList();
}

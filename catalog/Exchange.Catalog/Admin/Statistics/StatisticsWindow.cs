namespace Exchange.Catalog.Admin.Statistics;

/// <summary>The time range a statistics page shows and the width of its chart's buckets; buckets start at <see cref="From"/>.</summary>
public sealed record StatisticsWindow(DateTimeOffset From, DateTimeOffset Until, TimeSpan Bucket)
{
    public const int MaxBuckets = 60;
    public static readonly TimeSpan MaxRange = TimeSpan.FromDays(31);

    private static readonly TimeSpan[] BucketSteps =
    [
        TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5),
        TimeSpan.FromMinutes(15), TimeSpan.FromHours(1), TimeSpan.FromHours(6), TimeSpan.FromDays(1),
    ];

    public int BucketCount => (int)Math.Ceiling((Until - From) / Bucket);

    public DateTimeOffset BucketStart(int index) => From + Bucket * index;

    /// <summary>The last <paramref name="span"/> up to <paramref name="now"/>, on bucket boundaries of the local clock.</summary>
    public static StatisticsWindow Last(TimeSpan span, DateTimeOffset now, TimeSpan localOffset)
    {
        var bucket = BucketFor(span);
        var local = now.UtcTicks + localOffset.Ticks;
        var end = new DateTimeOffset(local - local % bucket.Ticks - localOffset.Ticks, TimeSpan.Zero) + bucket;
        return new StatisticsWindow(end - span, end, bucket);
    }

    /// <summary>A range typed by the user, with the smallest bucket step that keeps the chart within <see cref="MaxBuckets"/>.</summary>
    public static StatisticsWindow Between(DateTimeOffset from, DateTimeOffset until) => new(from, until, BucketFor(until - from));

    private static TimeSpan BucketFor(TimeSpan span) =>
        BucketSteps.FirstOrDefault(step => span / step <= MaxBuckets, BucketSteps[^1]);
}

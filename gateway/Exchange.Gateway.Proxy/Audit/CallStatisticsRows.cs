namespace Exchange.Gateway.Audit;

/// <summary>Calls, denials and the nearest-rank p95 latency of one group of audit records.</summary>
public sealed record CallCountsRow(string Consumer, string Provider, string Resource, long Calls, long Denials, long P95LatencyMicros);

public sealed record CallBucketRow(long Bucket, long Calls, long Denials, long P95LatencyMicros);

public sealed record CallSeriesRow(long Bucket, string Consumer, string Provider, string Resource, long Calls, long Denials);

public sealed record MaterialExemptionRow(string ServiceItemCode, string ServiceItemName, long Checks, long MaterialsChecked, long MaterialsExempted, long ApplicationsStopped = 0);

public sealed record CallStatistics(
    IReadOnlyList<CallBucketRow> Buckets,
    IReadOnlyList<CallSeriesRow> Series,
    IReadOnlyList<CallCountsRow> Consumers,
    IReadOnlyList<CallCountsRow> Resources,
    CallCountsRow Total,
    IReadOnlyList<MaterialExemptionRow> Materials);

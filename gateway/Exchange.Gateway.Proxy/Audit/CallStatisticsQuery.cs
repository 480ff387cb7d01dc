namespace Exchange.Gateway.Audit;

/// <summary>
/// A validated statistics request: records with <c>FromMicros &lt;= time &lt; UntilMicros</c>, bucketed from
/// <c>FromMicros</c>; <c>VisibleTo</c> limits them to calls a department took part in.
/// </summary>
public sealed record CallStatisticsQuery(long FromMicros, long UntilMicros, long BucketMicros, string? VisibleTo);

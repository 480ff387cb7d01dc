namespace Exchange.Gateway.Audit;

/// <summary>
/// What is recorded about one call, before the writer gives it a place in the chain (sequence and hashes).
/// Time is Unix microseconds, so the stored record and its hash agree to the digit.
/// </summary>
public sealed record AuditEntry(
    long TimeMicros,
    string RequestId,
    string Consumer,
    string Provider,
    string Resource,
    string Method,
    string HolderId,
    IReadOnlyList<string> DataItems,
    string CaseNumber,
    string Purpose,
    string Status,
    string StatusMessage,
    long LatencyMicros)
{
    /// <summary>Rows another feature stores beside the record, in its transaction (not chained); null for most calls.</summary>
    public IAuditAttachment? Attachment { get; init; }

    /// <summary>A moment as the record's <see cref="TimeMicros"/>: Unix microseconds.</summary>
    public static long MicrosOf(DateTimeOffset time) => (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TimeSpan.TicksPerMicrosecond;
}

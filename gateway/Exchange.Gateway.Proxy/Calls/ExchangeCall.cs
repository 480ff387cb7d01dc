namespace Exchange.Gateway.Calls;

/// <summary>
/// One call through the gateway as its steps learn about it: who calls, which published method, for which
/// case and purpose, which data items were granted and returned. Set as a request feature by the audit step,
/// filled in by the steps after it, and recorded in the audit log whatever the outcome.
/// </summary>
public sealed class ExchangeCall(string requestId, DateTimeOffset time, long startTimestamp)
{
    public string RequestId { get; } = requestId;

    public DateTimeOffset Time { get; } = time;

    /// <summary><see cref="System.Diagnostics.Stopwatch"/> timestamp at arrival, for the latency.</summary>
    public long StartTimestamp { get; } = startTimestamp;

    public Caller? Caller { get; set; }

    public string CaseNumber { get; set; } = string.Empty;

    /// <summary>The purpose as the consumer meant it (percent-decoded).</summary>
    public string Purpose { get; set; } = string.Empty;

    /// <summary>The data items the consumer may receive, set once the call is authorised.</summary>
    public IReadOnlyList<string> GrantedItems { get; set; } = [];

    /// <summary>The citizen id or credit code the provider reported the call was about.</summary>
    public string HolderId { get; set; } = string.Empty;

    /// <summary>The data items the provider reported returning, comma-separated as it sent them.</summary>
    public string ReturnedItems { get; set; } = string.Empty;
}

namespace Exchange.Gateway.Audit;

/// <summary>Filters of an audit search; empty strings and nulls match everything.</summary>
public sealed record AuditQuery(
    string Consumer,
    string Provider,
    string Resource,
    string HolderId,
    long? FromMicros,
    long? UntilMicros,
    long BeforeSequence,
    int Limit,
    string? VisibleTo);

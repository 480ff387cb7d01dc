namespace Exchange.Gateway.Audit;

/// <summary>
/// Appends a record of the gateway's own doing to the audit chain (a clerk's lookup, a material check's fact reads),
/// for features outside the call pipeline; calls through the pipeline are recorded by <c>UseCallAudit</c>.
/// </summary>
public interface IAuditLog
{
    /// <summary>Completes once the record (and its <see cref="AuditEntry.Attachment"/>) is durable; faults if it could not be stored.</summary>
    Task AppendAsync(AuditEntry entry);
}

internal sealed class AuditLog(AuditWriter writer) : IAuditLog
{
    public Task AppendAsync(AuditEntry entry) => writer.AppendAsync(entry);
}

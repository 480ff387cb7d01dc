using Exchange.Gateway.Audit;

namespace Exchange.Gateway.Licences.Facts;

/// <summary>A material check's fact reads as audit records of their own, one per holder read, under the check's request id.</summary>
internal sealed class AuditedFactReads(IAuditLog writer) : IFactReadRecorder
{
    public Task RecordAsync(FactRead read) => writer.AppendAsync(new AuditEntry(
        TimeMicros: AuditEntry.MicrosOf(read.Started),
        RequestId: read.Requester.RequestId,
        Consumer: read.Requester.Department,
        Provider: read.Provider,
        Resource: read.ResourceCode,
        Method: read.Method,
        HolderId: read.HolderId,
        DataItems: read.DataItems,
        CaseNumber: read.Requester.CaseNumber,
        Purpose: read.Requester.Purpose,
        Status: GrpcStatusNames.Of((int)read.Status),
        StatusMessage: read.StatusMessage,
        LatencyMicros: (long)read.Latency.TotalMicroseconds));
}

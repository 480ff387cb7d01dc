using System.Diagnostics;
using Exchange.Gateway.Audit;

namespace Exchange.Gateway.Licences.Clerk;

/// <summary>
/// The audit record of one action on the clerk page, made as the clerk's department: its request id, case number and
/// purpose are the requester's, its time the action's start. A presentation fills in the provider and items with <c>with</c>.
/// </summary>
internal static class ClerkAuditEntry
{
    public static AuditEntry Of(
        ClerkUser clerk, LicenceRequester requester, DateTimeOffset now, long startedTimestamp, string method, string holderId, string status, string message) => new(
        TimeMicros: AuditEntry.MicrosOf(now),
        RequestId: requester.RequestId,
        Consumer: clerk.Department,
        Provider: string.Empty,
        Resource: string.Empty,
        Method: method,
        HolderId: holderId,
        DataItems: [],
        CaseNumber: requester.CaseNumber,
        Purpose: requester.Purpose,
        Status: status,
        StatusMessage: message,
        LatencyMicros: (long)Stopwatch.GetElapsedTime(startedTimestamp).TotalMicroseconds);
}

using Exchange.Gateway.Audit;
using Exchange.Gateway.Identity;
using Exchange.Protos.Audit.V1;
using Exchange.ServiceDefaults.Errors;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Exchange.Gateway.Grpc;

/// <summary>
/// The gateway's audit log (电子监察), served by the gateway itself. Catalog administrators see every record; a
/// department sees the records where it is consumer or provider.
/// </summary>
internal sealed class AuditGrpcService(AuditStore store, BearerTokenValidator tokens) : AuditService.AuditServiceBase
{
    private const int DefaultPageSize = 100;
    private const int MaxPageSize = 1000;

    public override async Task<QueryAuditRecordsResponse> QueryAuditRecords(QueryAuditRecordsRequest request, ServerCallContext context)
    {
        var caller = await AuthenticateAsync(context);
        if (request.PageSize is < 0 or > MaxPageSize)
            throw new InvalidFieldException("page_size", $"must be between 0 and {MaxPageSize}");
        if (request.BeforeSequence < 0)
            throw new InvalidFieldException("before_sequence", "must not be negative");
        var from = Micros(request.StartTime);
        var until = Micros(request.EndTime);
        if (from is not null && until is not null && until < from)
            throw new InvalidFieldException("end_time", "must not be before start_time");

        string? visibleTo = null;
        if (!caller.IsCatalogAdmin)
        {
            visibleTo = caller.Department
                ?? throw new PermissionDeniedException($"Client '{caller.ClientId}' acts for no department; only departments and catalog administrators read the audit log.");
        }

        var records = store.Query(new AuditQuery(
            request.ConsumerDepartmentCode, request.ProviderDepartmentCode, request.ResourceCode, request.HolderId,
            from, until, request.BeforeSequence, request.PageSize == 0 ? DefaultPageSize : request.PageSize, visibleTo));
        var response = new QueryAuditRecordsResponse();
        foreach (var record in records)
            response.Records.Add(ToMessage(record));
        return response;
    }

    public override async Task<VerifyAuditChainResponse> VerifyAuditChain(VerifyAuditChainRequest request, ServerCallContext context)
    {
        await AuthenticateAsync(context);
        if (!store.Exists)
            return new VerifyAuditChainResponse { Intact = true };
        using var connection = store.OpenForReading();
        var result = AuditChainVerifier.Verify(connection);
        return new VerifyAuditChainResponse
        {
            Intact = result.IsIntact,
            RecordsChecked = result.RecordsChecked,
            FirstBrokenSequence = result.FirstBrokenSequence,
            Problem = result.Problem,
        };
    }

    private async Task<Caller> AuthenticateAsync(ServerCallContext context)
    {
        var check = await tokens.ValidateAsync(context.GetHttpContext().Request.Headers.Authorization.ToString());
        return check.Caller ?? throw new UnauthenticatedException(check.Problem);
    }

    private static long? Micros(Timestamp? time) =>
        time is null ? null : (time.ToDateTimeOffset().UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TimeSpan.TicksPerMicrosecond;

    private static AuditRecord ToMessage(ChainedAuditRecord record)
    {
        var e = record.Entry;
        return new AuditRecord
        {
            Sequence = record.Sequence,
            Time = Timestamp.FromDateTimeOffset(DateTimeOffset.UnixEpoch.AddTicks(e.TimeMicros * TimeSpan.TicksPerMicrosecond)),
            RequestId = e.RequestId,
            ConsumerDepartmentCode = e.Consumer,
            ProviderDepartmentCode = e.Provider,
            ResourceCode = e.Resource,
            Method = e.Method,
            HolderId = e.HolderId,
            DataItems = { e.DataItems },
            CaseNumber = e.CaseNumber,
            Purpose = e.Purpose,
            Status = e.Status,
            StatusMessage = e.StatusMessage,
            LatencyMicros = e.LatencyMicros,
            Hash = record.Hash,
            PreviousHash = record.PreviousHash,
        };
    }
}

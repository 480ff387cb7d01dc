using Exchange.Gateway.Audit.Transparency;
using Exchange.Gateway.Calls;
using Exchange.Transparency;
using Google.Protobuf;
using Exchange.Gateway.Identity;
using Exchange.Protos.Audit.V1;
using Exchange.ServiceDefaults.Errors;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Exchange.Gateway.Audit;

/// <summary>
/// The gateway's audit log (电子监察), served by the gateway itself. Catalog administrators see every record; a
/// department sees the records where it is consumer or provider.
/// </summary>
[Authorize(Policy = GatewayPolicies.AuditReader)]
internal sealed class AuditGrpcService(
    AuditStore store, CallStatisticsReader statistics, IOptions<IdentityOptions> identity, WitnessedLog witnessedLog) : AuditService.AuditServiceBase
{
    private const int DefaultPageSize = 100;
    private const int MaxPageSize = 1000;
    private const int MaxBuckets = 1000;
    private static readonly TimeSpan MaxStatisticsRange = TimeSpan.FromDays(31);

    public override async Task<QueryAuditRecordsResponse> QueryAuditRecords(QueryAuditRecordsRequest request, ServerCallContext context)
    {
        var caller = CallerOf(context);
        if (request.PageSize is < 0 or > MaxPageSize)
            throw new InvalidFieldException("page_size", $"must be between 0 and {MaxPageSize}");
        if (request.BeforeSequence < 0)
            throw new InvalidFieldException("before_sequence", "must not be negative");
        var from = Micros(request.StartTime);
        var until = Micros(request.EndTime);
        if (from is not null && until is not null && until < from)
            throw new InvalidFieldException("end_time", "must not be before start_time");

        var records = store.Query(new AuditQuery(
            request.ConsumerDepartmentCode, request.ProviderDepartmentCode, request.ResourceCode, HolderOf(caller, request.HolderId),
            from, until, request.BeforeSequence, request.PageSize == 0 ? DefaultPageSize : request.PageSize, VisibleTo(caller)));
        var response = new QueryAuditRecordsResponse();
        foreach (var record in records)
            response.Records.Add(ToMessage(record));
        return response;
    }

    public override async Task<VerifyAuditChainResponse> VerifyAuditChain(VerifyAuditChainRequest request, ServerCallContext context)
    {
        return await witnessedLog.VerifyAsync(context.CancellationToken);
    }

    public override async Task<GetInclusionProofResponse> GetInclusionProof(GetInclusionProofRequest request, ServerCallContext context)
    {
        var caller = CallerOf(context);
        if (request.Sequence < 1)
            throw new InvalidFieldException("sequence", "must be a record's sequence number, 1 or more");
        if (request.TreeSize < 0)
            throw new InvalidFieldException("tree_size", "must not be negative");
        var proof = await witnessedLog.ProveAsync(request.Sequence, request.TreeSize, context.CancellationToken);
        var visibleTo = VisibleTo(caller);
        if (caller.Holder is { } holder && !string.Equals(proof.Record.Entry.HolderId, holder, StringComparison.Ordinal))
            throw new NotFoundException($"No audit record {request.Sequence} about the signed-in holder.");
        if (visibleTo is not null && proof.Record.Entry.Consumer != visibleTo && proof.Record.Entry.Provider != visibleTo)
            throw new NotFoundException($"No audit record {request.Sequence} that {visibleTo} took part in.");
        var response = new GetInclusionProofResponse
        {
            Record = ToMessage(proof.Record),
            LeafIndex = proof.Record.Sequence - 1,
            TreeSize = proof.TreeSize,
            Checkpoint = proof.Checkpoint,
        };
        response.Proof.AddRange(CheckpointMessages.ToMessage(proof.Path));
        return response;
    }

    public override async Task<GetCallStatisticsResponse> GetCallStatistics(GetCallStatisticsRequest request, ServerCallContext context)
    {
        var caller = CallerOf(context);
        if (caller.Holder is not null)
            throw new PermissionDeniedException("A holder's token reads the holder's own audit records, not call statistics.");
        var from = Micros(request.StartTime) ?? throw new InvalidFieldException("start_time", "is required");
        var until = Micros(request.EndTime) ?? throw new InvalidFieldException("end_time", "is required");
        if (until <= from)
            throw new InvalidFieldException("end_time", "must be after start_time");
        if (until - from > MaxStatisticsRange.Ticks / TimeSpan.TicksPerMicrosecond)
            throw new InvalidFieldException("end_time", $"must be at most {MaxStatisticsRange.TotalDays:0} days after start_time");
        if (request.Bucket is null)
            throw new InvalidFieldException("bucket", "is required");
        if (request.Bucket.Nanos != 0 || request.Bucket.Seconds < 1)
            throw new InvalidFieldException("bucket", "must be a whole number of seconds, at least 1");
        var bucket = request.Bucket.Seconds * 1_000_000;
        if ((until - from + bucket - 1) / bucket > MaxBuckets)
            throw new InvalidFieldException("bucket", $"must divide the range into at most {MaxBuckets} buckets");

        var result = statistics.Read(new CallStatisticsQuery(from, until, bucket, VisibleTo(caller)));
        var response = new GetCallStatisticsResponse { Total = Counts(result.Total) };
        foreach (var row in result.Buckets)
            response.Buckets.Add(new CallBucket { StartTime = Time(from + row.Bucket * bucket), Calls = row.Calls, Denials = row.Denials, P95LatencyMicros = row.P95LatencyMicros });
        foreach (var row in result.Series)
        {
            response.Series.Add(new CallSeries
            {
                StartTime = Time(from + row.Bucket * bucket),
                ConsumerDepartmentCode = row.Consumer,
                ProviderDepartmentCode = row.Provider,
                ResourceCode = row.Resource,
                Calls = row.Calls,
                Denials = row.Denials,
            });
        }
        response.Consumers.AddRange(result.Consumers.Select(Counts));
        response.Resources.AddRange(result.Resources.Select(Counts));
        foreach (var row in result.Materials)
        {
            response.ServiceItems.Add(new MaterialExemptions
            {
                ServiceItemCode = row.ServiceItemCode,
                ServiceItemName = row.ServiceItemName,
                Checks = row.Checks,
                MaterialsChecked = row.MaterialsChecked,
                MaterialsExempted = row.MaterialsExempted,
            });
            response.MaterialsExemptedTotal += row.MaterialsExempted;
        }
        return response;
    }

    /// <summary>
    /// A holder's token (the portal, for the signed-in holder) sees every record about that holder, whichever
    /// departments took part, and nothing else: the holder comes from the token, never from the request.
    /// </summary>
    private static string HolderOf(Caller caller, string requested)
    {
        if (caller.Holder is not { } holder)
            return requested;
        if (requested.Length > 0 && !string.Equals(requested.Trim().ToUpperInvariant(), holder, StringComparison.Ordinal))
            throw new PermissionDeniedException("A holder's token reads only the signed-in holder's own audit records; leave holder_id empty or give that holder.");
        return holder;
    }

    private static string? VisibleTo(Caller caller) => caller.IsCatalogAdmin || caller.Holder is not null
        ? null
        : caller.Department ?? throw new PermissionDeniedException($"Client '{caller.ClientId}' acts for no department; only departments and catalog administrators read the audit log.");

    private static CallCounts Counts(CallCountsRow row) => new()
    {
        ConsumerDepartmentCode = row.Consumer,
        ProviderDepartmentCode = row.Provider,
        ResourceCode = row.Resource,
        Calls = row.Calls,
        Denials = row.Denials,
        P95LatencyMicros = row.P95LatencyMicros,
    };

    private static Timestamp Time(long micros) => Timestamp.FromDateTimeOffset(DateTimeOffset.UnixEpoch.AddTicks(micros * TimeSpan.TicksPerMicrosecond));

    private Caller CallerOf(ServerCallContext context) => Caller.Of(context.GetHttpContext().User, identity.Value.Audience);

    private static long? Micros(Timestamp? time) =>
        time is null ? null : AuditEntry.MicrosOf(time.ToDateTimeOffset());

    private static AuditRecord ToMessage(ChainedAuditRecord record)
    {
        var e = record.Entry;
        return new AuditRecord
        {
            Sequence = record.Sequence,
            Time = Time(e.TimeMicros),
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
            LeafHash = record.LeafHash.Length == 64 ? ByteString.CopyFrom(Convert.FromHexString(record.LeafHash)) : ByteString.Empty,
        };
    }
}

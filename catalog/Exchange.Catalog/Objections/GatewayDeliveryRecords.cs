using Exchange.Catalog.Admin.Audit;
using Exchange.Protos.Audit.V1;
using Exchange.ServiceDefaults.Errors;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace Exchange.Catalog.Objections;

/// <summary>
/// Finds a department's call in the gateway's audit log (the one the admin UI reads), narrowed by consumer, resource
/// and holder so that a department can only ever name its own calls, and paged back at most <see cref="MaxPages"/>.
/// </summary>
internal sealed class GatewayDeliveryRecords(GatewayAuditLog log, IOptions<ObjectionOptions> options, TimeProvider clock) : IDeliveryRecords
{
    private const int PageSize = 1000;
    private const int MaxPages = 5;

    public async Task<Delivery?> FindAsync(string consumerDepartmentCode, string resourceCode, string holderId, string requestId, CancellationToken cancellationToken)
    {
        if (log.Unavailable is { } why)
            throw new UnavailableException($"The catalog cannot check the call {requestId} in the gateway's audit log: {why}");
        var request = new QueryAuditRecordsRequest
        {
            ConsumerDepartmentCode = consumerDepartmentCode,
            ResourceCode = resourceCode,
            HolderId = holderId,
            StartTime = Timestamp.FromDateTimeOffset(clock.GetUtcNow() - options.Value.DeliveryLookback),
            PageSize = PageSize,
        };
        try
        {
            for (var page = 0; page < MaxPages; page++)
            {
                var records = await log.QueryAsync(request, cancellationToken);
                foreach (var record in records)
                {
                    if (record.RequestId == requestId)
                    {
                        return new Delivery(record.RequestId, record.ConsumerDepartmentCode, record.ProviderDepartmentCode,
                            record.ResourceCode, record.HolderId, [.. record.DataItems], record.Status);
                    }
                }
                if (records.Count < PageSize)
                    return null;
                request.BeforeSequence = records[^1].Sequence;
            }
            return null;
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Unauthenticated or StatusCode.PermissionDenied)
        {
            throw new UnavailableException($"The catalog cannot check the call {requestId} in the gateway's audit log at {log.GatewayAddress} ({ex.Status.Detail}); try again later.");
        }
    }
}

using System.Diagnostics;
using System.Globalization;
using Exchange.ExchangeContext;
using Exchange.Gateway.Calls;
using Exchange.Gateway.Routing;
using Exchange.Gateway.Telemetry;
using Grpc.Core;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;

namespace Exchange.Gateway.Audit;

/// <summary>
/// Outermost step of every call through the gateway: gives the call its request id (returned to the consumer as
/// <c>x-exchange-request-id</c>), and when the answer is known — the gateway's own or the provider's — records
/// it in the audit chain and waits until the record is durable before the response completes (a unary call's
/// answer waits whole, <see cref="AuditedResponseBody"/>). A call whose record cannot be stored is aborted rather
/// than answered.
/// </summary>
internal sealed partial class CallAuditMiddleware(RequestDelegate next, AuditWriter writer, GatewayMetrics metrics, TimeProvider time, ILogger<CallAuditMiddleware> logger)
{
    private const int MaxRecordedPathLength = 200;

    public async Task InvokeAsync(HttpContext context)
    {
        var now = time.GetUtcNow();
        var call = new ExchangeCall(RequestIds.New(now), now, Stopwatch.GetTimestamp());
        context.Features.Set(call);
        context.Response.Headers[ExchangeMetadata.RequestId] = call.RequestId;
        var body = new AuditedResponseBody(context.Features.GetRequiredFeature<IHttpResponseBodyFeature>(), () => RecordAsync(context, call),
            () => context.Features.Get<IPublishedMethodFeature>() is { } method && UnaryMethods.Contains(method.Path));
        context.Features.Set<IHttpResponseBodyFeature>(body);

        try
        {
            await next(context);
        }
        catch (Exception ex) when (!context.Response.HasStarted)
        {
            LogUnexpected(ex, call.RequestId, context.Request.Path.Value ?? string.Empty);
            await GrpcStatusResponse.WriteAsync(context, StatusCode.Internal, $"Internal error in the gateway; it logged the details under request id {call.RequestId}.");
        }
        await body.FinishAsync();
    }

    private async Task<bool> RecordAsync(HttpContext context, ExchangeCall call)
    {
        var latency = Stopwatch.GetElapsedTime(call.StartTimestamp);
        var (status, message) = FinalStatus(context);
        var method = context.Features.Get<IPublishedMethodFeature>();
        var entry = new AuditEntry(
            TimeMicros: AuditEntry.MicrosOf(call.Time),
            RequestId: call.RequestId,
            Consumer: call.Caller is { } caller ? caller.Department ?? caller.ClientId : string.Empty,
            Provider: method?.Resource.ProviderDepartmentCode ?? string.Empty,
            Resource: method?.Resource.Code ?? string.Empty,
            Method: method?.Path ?? RequestedPath(context),
            HolderId: call.HolderId,
            DataItems: AuditStore.SplitItems(call.ReturnedItems),
            CaseNumber: call.CaseNumber,
            Purpose: call.Purpose,
            Status: status,
            StatusMessage: message,
            LatencyMicros: (long)latency.TotalMicroseconds)
        {
            Attachment = status == "OK" ? context.Features.Get<IAuditAttachment>() : null,
        };
        metrics.CallEnded(entry.Consumer, entry.Provider, entry.Resource, status, latency);
        try
        {
            using (GatewayTracing.Step(GatewayTracing.AuditWait))
                await writer.AppendAsync(entry);
            return true;
        }
        catch (Exception ex)
        {
            LogNotRecorded(ex, call.RequestId);
            context.Abort();
            return false;
        }
    }

    private static (string Status, string Message) FinalStatus(HttpContext context)
    {
        var headers = context.Response.Headers;
        var status = headers["grpc-status"];
        var message = headers["grpc-message"];
        if (StringValues.IsNullOrEmpty(status) && context.Features.Get<IHttpResponseTrailersFeature>()?.Trailers is { } trailers)
        {
            status = trailers["grpc-status"];
            message = trailers["grpc-message"];
        }
        if (StringValues.IsNullOrEmpty(status))
        {
            return context.RequestAborted.IsCancellationRequested
                ? ("CANCELLED", "The consumer cancelled the call.")
                : ("UNKNOWN", $"The call ended without a gRPC status (HTTP {context.Response.StatusCode}).");
        }
        var name = int.TryParse(status.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var code) ? GrpcStatusNames.Of(code) : "UNKNOWN";
        return (name, ExchangeMetadata.PercentDecode(message.ToString()));
    }

    private static string RequestedPath(HttpContext context)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        return path.Length <= MaxRecordedPathLength ? path : path[..MaxRecordedPathLength];
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected failure handling call {RequestId} to {Path}")]
    private partial void LogUnexpected(Exception exception, string requestId, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Call {RequestId} aborted: its audit record could not be stored")]
    private partial void LogNotRecorded(Exception exception, string requestId);
}

using System.Diagnostics;
using Exchange.Gateway.Calls;
using Exchange.Gateway.Routing;
using Exchange.Gateway.Telemetry;
using Microsoft.AspNetCore.Http.Features;

namespace Exchange.Gateway.Audit;

/// <summary>
/// Last step before a call is forwarded: hands the audit writer the record of the request (who asks for what, which
/// resource, method and holder, case, purpose, the granted items) and lets the provider work while it is committed.
/// Nothing of the answer leaves before that record is durable: the response's start waits for it, and a record that
/// cannot be stored aborts the call (<see cref="CallAuditMiddleware"/>). The outcome is recorded after, without
/// holding the answer back.
/// </summary>
internal sealed class RequestRecordMiddleware(RequestDelegate next, AuditWriter writer)
{
    private static readonly Func<object, Task> WaitForRequestRecord = static state => WaitAsync((HttpContext)state);

    public Task InvokeAsync(HttpContext context)
    {
        var call = context.Features.GetRequiredFeature<ExchangeCall>();
        var method = context.Features.GetRequiredFeature<IPublishedMethodFeature>();
        call.RequestRecorded = writer.AppendAsync(new AuditEntry(
            TimeMicros: AuditEntry.MicrosOf(call.Time),
            RequestId: call.RequestId,
            Consumer: call.Caller is { } caller ? caller.Department ?? caller.ClientId : string.Empty,
            Provider: method.Resource.ProviderDepartmentCode,
            Resource: method.Resource.Code,
            Method: method.Path,
            HolderId: call.RequestedHolder,
            DataItems: call.GrantedItems,
            CaseNumber: call.CaseNumber,
            Purpose: call.Purpose,
            Status: AuditEntry.OutcomeUnknown,
            StatusMessage: "Forwarded to the provider; the outcome is the later record of this request id. Without one, the gateway stopped before recording it.",
            LatencyMicros: (long)Stopwatch.GetElapsedTime(call.StartTimestamp).TotalMicroseconds));
        context.Response.OnStarting(WaitForRequestRecord, context);
        return next(context);
    }

    /// <summary>Holds the response's headers (and so every byte after them) until the request record is durable.</summary>
    private static async Task WaitAsync(HttpContext context)
    {
        var recorded = context.Features.GetRequiredFeature<ExchangeCall>().RequestRecorded!;
        using (GatewayTracing.Step(GatewayTracing.AuditWait))
        {
            try
            {
                await recorded;
            }
            catch (Exception)
            {
                // Logged where the call's audit ends (CallAuditMiddleware); here only nothing may be sent.
                context.Abort();
            }
        }
    }
}

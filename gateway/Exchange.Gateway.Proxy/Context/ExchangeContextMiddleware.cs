using Exchange.Gateway.Telemetry;
using System.IO.Pipelines;
using Exchange.ExchangeContext;
using Exchange.Gateway.Calls;
using Exchange.Gateway.Routing;
using Exchange.ServiceDefaults.Errors;
using Exchange.ServiceDefaults.Grpc;
using Grpc.Core;
using Microsoft.AspNetCore.Http.Features;

namespace Exchange.Gateway.Context;

/// <summary>
/// Last step before forwarding: replaces whatever context a consumer sent with the gateway's own, bound to this call
/// (request id, consumer, provider, resource, method, granted data items, case, purpose, the subject ids and SHA-256
/// of the request message, a one-time id, expiry) and MACed with the provider's context key; and keeps the consumer's
/// bearer token from reaching the provider, who could otherwise replay it as the consumer. The request message is
/// read from the buffer the request limit already bounded, and nothing is consumed: YARP forwards the same bytes.
/// </summary>
internal sealed class ExchangeContextMiddleware(RequestDelegate next, GatewayContextKeys keys, ExchangeContextFactory contexts, ContextSubjects subjects)
{
    public async Task InvokeAsync(HttpContext context)
    {
        bool bound;
        using (var step = GatewayTracing.Step(GatewayTracing.Context))
        {
            bound = await BindAsync(context);
            if (!bound)
                step.Refused("The exchange context could not be bound to the call.");
        }
        if (bound)
            await next(context);
    }

    /// <summary>Binds the signed context to the request; false when it answered the call itself instead.</summary>
    private async Task<bool> BindAsync(HttpContext context)
    {
        var call = context.Features.GetRequiredFeature<ExchangeCall>();
        var method = context.Features.GetRequiredFeature<IPublishedMethodFeature>();

        var reader = context.Request.BodyReader;
        ReadResult read;
        GrpcFrameHeader? header;
        try
        {
            while (true)
            {
                read = await reader.ReadAsync(context.RequestAborted);
                header = GrpcFrameHeader.Read(read.Buffer);
                // The first message is enough (the request limit bounded its size); a streaming request never completes.
                if (read.IsCompleted || read.IsCanceled || header is { } h && read.Buffer.Length >= GrpcFrameHeader.Length + h.MessageLength)
                    break;
                reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // RequestAborted carries the caller's deadline here (PublishedMethodMiddleware).
            await GrpcStatusResponse.WriteAsync(context, StatusCode.DeadlineExceeded,
                $"The call's deadline ({context.Request.Headers["grpc-timeout"]}) passed before its request message had arrived; send the whole message or allow a longer deadline.");
            return false;
        }
        catch (IOException)
        {
            await GrpcStatusResponse.WriteAsync(context, StatusCode.Cancelled,
                "The request message stopped arriving before it was complete; the call was not answered.");
            return false;
        }

        Protos.Context.V1.ExchangeContext exchangeContext;
        try
        {
            if (header is not { Compressed: false } frame || read.Buffer.Length < GrpcFrameHeader.Length + frame.MessageLength)
            {
                await GrpcStatusResponse.WriteAsync(context, StatusCode.InvalidArgument, header is { Compressed: true }
                    ? "The request message is compressed; send it uncompressed (the exchange context binds the message as sent)."
                    : "The request message frame is incomplete; send one whole request message.");
                return false;
            }
            var message = read.Buffer.Slice(GrpcFrameHeader.Length, frame.MessageLength);
            if (subjects.Read(method.Path, message) is not { } subject)
            {
                await GrpcStatusResponse.WriteAsync(context, StatusCode.InvalidArgument,
                    $"The request is not a valid {method.Path} request message; it cannot be read as protobuf.");
                return false;
            }
            exchangeContext = contexts.Create(method, call.RequestId, call.Caller!.Department!, call.GrantedItems, call.CaseNumber, call.Purpose,
                subject, RequestDigest.Of(message));
        }
        finally
        {
            reader.AdvanceTo(read.Buffer.Start);
        }

        byte[] sealedContext;
        try
        {
            sealedContext = await keys.SealAsync(exchangeContext, context.RequestAborted);
        }
        catch (UnavailableException ex)
        {
            await GrpcStatusResponse.WriteAsync(context, StatusCode.Unavailable, ex.Message);
            return false;
        }

        var headers = context.Request.Headers;
        headers.Authorization = default;
        headers[ExchangeMetadata.Context] = Convert.ToBase64String(sealedContext);
        return true;
    }
}

using Exchange.ServiceDefaults.Grpc;
using Exchange.Gateway.Routing;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace Exchange.Gateway.Calls;

/// <summary>
/// Reads the 5-byte gRPC frame header of a call's first request message, consuming nothing, and answers
/// RESOURCE_EXHAUSTED when the message is larger than the gateway forwards. Without it the provider would refuse
/// the message halfway through and the consumer would hear UNAVAILABLE, as if the provider were down. A frame whose
/// compressed flag is not 0 or 1 (or 1 with no grpc-encoding) is INVALID_ARGUMENT with the reason.
/// </summary>
internal sealed class RequestMessageLimitMiddleware(RequestDelegate next, IOptions<RequestLimitsOptions> options)
{
    private readonly int _maxMessageBytes = options.Value.MaxMessageBytes;

    public async Task InvokeAsync(HttpContext context)
    {
        var reader = context.Request.BodyReader;
        var read = await reader.ReadAtLeastAsync(GrpcFrameHeader.Length, context.RequestAborted);
        var header = GrpcFrameHeader.Read(read.Buffer);
        reader.AdvanceTo(read.Buffer.Start);
        var declared = header?.MessageLength ?? 0;

        // Refused here rather than forwarded: a provider would answer a frame it cannot read with UNKNOWN.
        if (header?.Problem(context.Request.Headers["grpc-encoding"]) is { } problem)
        {
            await GrpcStatusResponse.WriteAsync(context, StatusCode.InvalidArgument, problem);
            return;
        }

        if (declared > _maxMessageBytes)
        {
            await GrpcStatusResponse.WriteAsync(context, StatusCode.ResourceExhausted,
                $"The request message is {declared} bytes; the gateway forwards at most {_maxMessageBytes} bytes per message. Send less, for example fewer items per call.");
            return;
        }
        await next(context);
    }
}

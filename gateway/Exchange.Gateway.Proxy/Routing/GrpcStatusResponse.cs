using System.Globalization;
using Exchange.ExchangeContext;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace Exchange.Gateway.Routing;

/// <summary>
/// Writes a gRPC error the gateway itself decides on as a trailers-only response (HTTP 200,
/// <c>content-type: application/grpc</c>, <c>grpc-status</c> and <c>grpc-message</c> in the headers), which
/// every gRPC client reads as that status rather than as a transport failure.
/// </summary>
internal static class GrpcStatusResponse
{
    public static Task WriteAsync(HttpContext context, StatusCode code, string message, IMessage? detail = null)
    {
        var response = context.Response;
        // The request id is the consumer's handle on the audit record, whatever the answer.
        var requestId = response.Headers[ExchangeMetadata.RequestId];
        response.Clear();
        if (requestId.Count > 0)
            response.Headers[ExchangeMetadata.RequestId] = requestId;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        response.Headers["grpc-status"] = ((int)code).ToString(CultureInfo.InvariantCulture);
        response.Headers["grpc-message"] = ExchangeMetadata.PercentEncode(message);
        if (detail is not null)
        {
            var status = new Google.Rpc.Status { Code = (int)code, Message = message, Details = { Any.Pack(detail) } };
            response.Headers["grpc-status-details-bin"] = Convert.ToBase64String(status.ToByteArray());
        }
        return Task.CompletedTask;
    }

    /// <summary>A google.rpc.BadRequest naming the request field (here: metadata) at fault.</summary>
    public static BadRequest BadRequest(string field, string description) => new()
    {
        FieldViolations = { new BadRequest.Types.FieldViolation { Field = field, Description = description } },
    };
}

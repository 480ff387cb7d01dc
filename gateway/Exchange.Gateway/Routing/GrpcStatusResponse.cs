using System.Globalization;
using System.Text;
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
        response.Headers["grpc-message"] = PercentEncode(message);
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

    /// <summary>The grpc-message encoding: UTF-8, with every byte outside printable ASCII and '%' as %XX.</summary>
    internal static string PercentEncode(string message)
    {
        if (!NeedsEncoding(message))
            return message;
        var bytes = Encoding.UTF8.GetBytes(message);
        var encoded = new StringBuilder(bytes.Length * 3);
        foreach (var b in bytes)
        {
            if (b is >= 0x20 and <= 0x7E and not (byte)'%')
                encoded.Append((char)b);
            else
                encoded.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
        return encoded.ToString();
    }

    private static bool NeedsEncoding(string message)
    {
        foreach (var c in message)
        {
            if (c is < ' ' or > '~' or '%')
                return true;
        }
        return false;
    }
}

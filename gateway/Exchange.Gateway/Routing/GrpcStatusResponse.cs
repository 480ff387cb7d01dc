using System.Globalization;
using System.Text;
using Grpc.Core;

namespace Exchange.Gateway.Routing;

/// <summary>
/// Writes a gRPC error the gateway itself decides on as a trailers-only response (HTTP 200,
/// <c>content-type: application/grpc</c>, <c>grpc-status</c> and <c>grpc-message</c> in the headers), which
/// every gRPC client reads as that status rather than as a transport failure.
/// </summary>
internal static class GrpcStatusResponse
{
    public static Task WriteAsync(HttpContext context, StatusCode code, string message)
    {
        var response = context.Response;
        response.Clear();
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        response.Headers["grpc-status"] = ((int)code).ToString(CultureInfo.InvariantCulture);
        response.Headers["grpc-message"] = PercentEncode(message);
        return Task.CompletedTask;
    }

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

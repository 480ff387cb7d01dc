using Exchange.ExchangeContext;
using Microsoft.AspNetCore.Http;

namespace Exchange.ServiceDefaults.Tls;

/// <summary>
/// With <see cref="ClientCertificatePolicy.Require"/>: a call over a connection without an accepted client certificate
/// reaches nothing but the health probes; gRPC calls get UNAUTHENTICATED saying what is missing, before any of the
/// request is read. (A presented certificate that is not acceptable never gets this far: its handshake failed.)
/// </summary>
internal sealed class ClientCertificateGate(RequestDelegate next, TransportSecurity tls)
{
    private readonly string _message =
        $"this service accepts calls only over mutual TLS with the client certificate of [{string.Join(", ", tls.Options.AllowedClientNames)}]; none was presented";

    public Task InvokeAsync(HttpContext context)
    {
        if (context.Connection.ClientCertificate is not null || IsProbe(context.Request.Path) || !context.Request.IsHttps)
            return next(context);
        var response = context.Response;
        if (context.Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) == true)
        {
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = "application/grpc";
            response.Headers["grpc-status"] = "16";
            response.Headers["grpc-message"] = ExchangeMetadata.PercentEncode(_message);
            return Task.CompletedTask;
        }
        response.StatusCode = StatusCodes.Status401Unauthorized;
        return response.WriteAsync(_message);
    }

    private static bool IsProbe(PathString path) =>
        path.StartsWithSegments("/health") || path.StartsWithSegments("/grpc.health.v1.Health");
}

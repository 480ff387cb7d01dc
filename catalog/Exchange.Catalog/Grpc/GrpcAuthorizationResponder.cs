using System.Globalization;
using Exchange.ExchangeContext;
using Grpc.Core;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Exchange.Catalog.Grpc;

/// <summary>
/// Answers a gRPC call a policy refused with a gRPC status and the reason (UNAUTHENTICATED: what is wrong with the
/// token and where to get one; PERMISSION_DENIED: the role needed), never HTTP 401/403 with an empty body. The
/// admin pages keep their cookie scheme's sign-in redirect and forbid.
/// </summary>
internal sealed class GrpcAuthorizationResponder : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _http = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Succeeded || context.Request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) != true)
        {
            await _http.HandleAsync(next, context, policy, authorizeResult);
            return;
        }
        if (authorizeResult.Forbidden)
        {
            var reason = authorizeResult.AuthorizationFailure?.FailureReasons.FirstOrDefault()?.Message ?? "This call is not allowed for this client.";
            Write(context, StatusCode.PermissionDenied, reason);
            return;
        }
        // The handler remembers its result for this request: this reads why it failed, it does not validate again.
        Write(context, StatusCode.Unauthenticated, GrpcCaller.Unauthenticated(await context.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme)));
    }

    private static void Write(HttpContext context, StatusCode status, string message)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        response.Headers["grpc-status"] = ((int)status).ToString(CultureInfo.InvariantCulture);
        response.Headers["grpc-message"] = ExchangeMetadata.PercentEncode(message);
    }
}

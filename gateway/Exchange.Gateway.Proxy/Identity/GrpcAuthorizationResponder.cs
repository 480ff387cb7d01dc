using Exchange.Gateway.Routing;
using Grpc.Core;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.Extensions.Options;

namespace Exchange.Gateway.Identity;

/// <summary>
/// Answers a gRPC call that a policy refused with a gRPC status and an actionable message (UNAUTHENTICATED saying
/// what is wrong with the token, PERMISSION_DENIED for a client of no department), never HTTP 401/403 with an empty
/// body; other requests (the clerk page) get the schemes' own challenge and forbid.
/// </summary>
internal sealed class GrpcAuthorizationResponder(IOptions<IdentityOptions> options) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _http = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Succeeded || !IsGrpc(context.Request))
            return _http.HandleAsync(next, context, policy, authorizeResult);
        return RefuseAsync(context, authorizeResult);
    }

    public async Task RefuseAsync(HttpContext context, PolicyAuthorizationResult authorizeResult)
    {
        var refusal = authorizeResult.AuthorizationFailure?.FailureReasons.OfType<CallerRefusal>().FirstOrDefault();
        if (authorizeResult.Forbidden && refusal is not null)
        {
            await GrpcStatusResponse.WriteAsync(context, refusal.Status, refusal.Message);
            return;
        }
        // The handler remembers its result for this request: this reads why it failed, it does not validate again.
        var authentication = await context.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme);
        var (status, message) = TokenProblems.Explain(context.Request.Headers.Authorization.ToString(), authentication.Failure, options.Value);
        await GrpcStatusResponse.WriteAsync(context, status, message);
    }

    private static bool IsGrpc(HttpRequest request) =>
        request.ContentType is { } type && type.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase);
}

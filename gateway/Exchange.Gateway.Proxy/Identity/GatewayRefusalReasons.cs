using Exchange.ServiceDefaults.Grpc;
using Grpc.Core;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.Extensions.Options;

namespace Exchange.Gateway.Identity;

/// <summary>
/// The gateway's reasons for a refused call: the policy's own refusal (PERMISSION_DENIED for a client of no
/// department), else UNAUTHENTICATED saying what is wrong with the token.
/// </summary>
internal sealed class GatewayRefusalReasons(IOptions<IdentityOptions> options) : IGrpcRefusalReasons
{
    public async Task<(StatusCode Status, string Message)> ExplainAsync(HttpContext context, PolicyAuthorizationResult refused)
    {
        var refusal = refused.AuthorizationFailure?.FailureReasons.OfType<CallerRefusal>().FirstOrDefault();
        if (refused.Forbidden && refusal is not null)
            return (refusal.Status, refusal.Message);
        // The handler remembers its result for this request: this reads why it failed, it does not validate again.
        var authentication = await context.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme);
        return TokenProblems.Explain(context.Request.Headers.Authorization.ToString(), authentication.Failure, options.Value);
    }
}

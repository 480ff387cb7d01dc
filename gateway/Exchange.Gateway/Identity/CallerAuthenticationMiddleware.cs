using Exchange.Gateway.Calls;
using Exchange.Gateway.Routing;
using Grpc.Core;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Exchange.Gateway.Identity;

/// <summary>
/// First check of every call through the gateway, before its method is even looked up: a valid bearer token for
/// the gateway's audience that names a department, which becomes the call's consumer. Anything else is
/// UNAUTHENTICATED (or PERMISSION_DENIED for a valid token of a client that acts for no department).
/// </summary>
internal sealed class CallerAuthenticationMiddleware(RequestDelegate next, BearerTokenValidator validator, IOptions<IdentityOptions> options)
{
    private readonly string _audience = options.Value.Audience;

    public async Task InvokeAsync(HttpContext context)
    {
        var check = await validator.ValidateAsync(context.Request.Headers.Authorization.ToString());
        if (check.Caller is not { } caller)
        {
            await GrpcStatusResponse.WriteAsync(context, check.Status, check.Problem);
            return;
        }
        if (!caller.HasGatewayAudience)
        {
            await GrpcStatusResponse.WriteAsync(context, StatusCode.Unauthenticated,
                $"The bearer token is for audience '{caller.Audiences}', not '{_audience}'; request it with scope exchange.gateway.");
            return;
        }
        if (caller.Department is null)
        {
            await GrpcStatusResponse.WriteAsync(context, StatusCode.PermissionDenied,
                $"Client '{caller.ClientId}' acts for no department; only department clients call resources through the gateway.");
            return;
        }

        context.Features.GetRequiredFeature<ExchangeCall>().Caller = caller;
        await next(context);
    }
}

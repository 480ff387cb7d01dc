using Exchange.Gateway.Calls;
using Exchange.Gateway.Routing;
using Grpc.Core;
using Microsoft.AspNetCore.Http.Features;

namespace Exchange.Gateway.Grants;

/// <summary>Lets a call through only when its consumer may use the resource; PERMISSION_DENIED naming the missing grant otherwise.</summary>
internal sealed class GrantAuthorizationMiddleware(RequestDelegate next, GrantAuthorizer authorizer)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var call = context.Features.GetRequiredFeature<ExchangeCall>();
        var method = context.Features.GetRequiredFeature<IPublishedMethodFeature>();
        var decision = authorizer.Decide(call.Caller!.Department!, method);
        if (!decision.Allowed)
        {
            await GrpcStatusResponse.WriteAsync(context, StatusCode.PermissionDenied, decision.Denial);
            return;
        }
        call.GrantedItems = decision.DataItems;
        await next(context);
    }
}

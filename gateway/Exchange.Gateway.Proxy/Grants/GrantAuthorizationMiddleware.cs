using Exchange.Gateway.Calls;
using Exchange.Gateway.Routing;
using Exchange.Gateway.Telemetry;
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
        using (var step = GatewayTracing.Step(GatewayTracing.Grant))
        {
            var decision = authorizer.Decide(call.Caller!.Department!, method);
            if (!decision.Allowed)
            {
                step.Refused(decision.Denial);
                await GrpcStatusResponse.WriteAsync(context, StatusCode.PermissionDenied, decision.Denial);
                return;
            }
            call.GrantedItems = decision.DataItems;
        }
        await next(context);
    }
}

using Exchange.Gateway.Calls;
using Exchange.Gateway.Telemetry;
using Exchange.ServiceDefaults.Grpc;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Exchange.Gateway.Identity;

/// <summary>
/// The <see cref="GatewayPolicies.DepartmentCaller"/> policy as a step of the call pipeline, after the audit step
/// (so a refused call is recorded like any other) and before the method is looked up or anything is forwarded:
/// endpoint authorization would run before the proxy's pipeline, where no audit record exists yet. The caller
/// becomes the call's consumer.
/// </summary>
internal sealed class CallerAuthorizationMiddleware(
    RequestDelegate next, IAuthorizationPolicyProvider policies, IPolicyEvaluator evaluator, GrpcAuthorizationResponder responder,
    IOptions<IdentityOptions> options)
{
    private readonly string _audience = options.Value.Audience;
    private static readonly PathString HolderReachablePath = "/exchange.licence.v1.LicenceService";

    public async Task InvokeAsync(HttpContext context)
    {
        using (var step = GatewayTracing.Step(GatewayTracing.Authenticate))
        {
            var policy = await policies.GetPolicyAsync(GatewayPolicies.DepartmentCaller)
                         ?? throw new InvalidOperationException($"The policy {GatewayPolicies.DepartmentCaller} is not registered.");
            var authentication = await evaluator.AuthenticateAsync(policy, context);
            var authorization = await evaluator.AuthorizeAsync(policy, authentication, context, resource: null);
            if (!authorization.Succeeded)
            {
                step.Refused("The caller is not an authenticated department.");
                await responder.RefuseAsync(context, authorization);
                return;
            }
            var caller = Caller.Of(context.User, _audience);
            context.Features.GetRequiredFeature<ExchangeCall>().Caller = caller;
            step?.SetTag("exchange.consumer", caller.Department ?? caller.ClientId);
            // A holder's token (the portal, for its signed-in holder) reaches the licence service, which confines it to
            // that holder; never a department's data resources, whose grants are about cases, not about the caller.
            if (caller.Holder is not null && !context.Request.Path.StartsWithSegments(HolderReachablePath, StringComparison.Ordinal))
            {
                step.Refused("A holder's token reaches only the licence service.");
                await Routing.GrpcStatusResponse.WriteAsync(context, global::Grpc.Core.StatusCode.PermissionDenied,
                    "A holder's token reaches only exchange.licence.v1.LicenceService (the holder's own licences); department data is called with a department's token.");
                return;
            }
        }
        await next(context);
    }
}

using Exchange.Gateway.Calls;
using Exchange.Gateway.Telemetry;
using Exchange.ServiceDefaults.Grpc;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
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
/// <remarks>
/// The token is authenticated through the policy's scheme on every call. The policy's requirements (an authenticated
/// user, the gateway's audience, a department) are then checked here directly while the policy consists of exactly
/// those and no other authorization handler is registered: the framework's evaluation of the same three checks was the
/// largest single step of a call in the profile of issue 14. A caller failing any of them is refused through the
/// framework's evaluation, so refusals keep its statuses and messages.
/// </remarks>
internal sealed class CallerAuthorizationMiddleware(
    RequestDelegate next, IAuthorizationPolicyProvider policies, IPolicyEvaluator evaluator, GrpcAuthorizationResponder responder,
    IEnumerable<IAuthorizationHandler> handlers, IOptions<IdentityOptions> options)
{
    private readonly string _audience = options.Value.Audience;
    private static readonly PathString HolderReachablePath = "/exchange.licence.v1.LicenceService";
    private (AuthorizationPolicy Policy, bool Direct)? _policy;

    public async Task InvokeAsync(HttpContext context)
    {
        using (var step = GatewayTracing.Step(GatewayTracing.Authenticate))
        {
            var (policy, direct) = _policy ??= await ResolvePolicyAsync();
            var authentication = await evaluator.AuthenticateAsync(policy, context);
            var caller = authentication.Succeeded ? Caller.Of(context.User, _audience) : null;
            if (!direct || caller is not { HasGatewayAudience: true, Department: not null } || !context.User.Identities.Any(i => i.IsAuthenticated))
            {
                var authorization = await evaluator.AuthorizeAsync(policy, authentication, context, resource: null);
                if (!authorization.Succeeded)
                {
                    step.Refused("The caller is not an authenticated department.");
                    await responder.RefuseAsync(context, authorization);
                    return;
                }
                caller = Caller.Of(context.User, _audience);
            }
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

    /// <summary>The policy, and whether its requirements are exactly the three checked directly.</summary>
    private async Task<(AuthorizationPolicy, bool)> ResolvePolicyAsync()
    {
        var policy = await policies.GetPolicyAsync(GatewayPolicies.DepartmentCaller)
                     ?? throw new InvalidOperationException($"The policy {GatewayPolicies.DepartmentCaller} is not registered.");
        return (policy, ChecksDirectly(policy, handlers, _audience));
    }

    /// <summary>True when the policy is exactly an authenticated user, <paramref name="audience"/> and a department, and the only handler is the framework's pass-through to the requirements.</summary>
    internal static bool ChecksDirectly(AuthorizationPolicy policy, IEnumerable<IAuthorizationHandler> handlers, string audience)
    {
        var requirements = policy.Requirements;
        return handlers.All(h => h is PassThroughAuthorizationHandler) && requirements.Count == 3
            && requirements.OfType<DenyAnonymousAuthorizationRequirement>().Count() == 1
            && requirements.OfType<GatewayAudienceRequirement>().Count(r => r.Audience == audience) == 1
            && requirements.OfType<DepartmentRequirement>().Count() == 1;
    }
}

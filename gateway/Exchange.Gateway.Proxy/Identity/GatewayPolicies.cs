using Exchange.Gateway.Calls;
using Grpc.Core;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;

namespace Exchange.Gateway.Identity;

/// <summary>The gateway's authorization policies; every one authenticates with the catalog's bearer tokens.</summary>
public static class GatewayPolicies
{
    /// <summary>Calls through the gateway (proxied and licence calls): a token for the gateway's audience that names a department.</summary>
    public const string DepartmentCaller = "department-caller";

    /// <summary>The gateway's audit API: any valid catalog token for the gateway or one of <c>Identity:AuditAudiences</c>.</summary>
    public const string AuditReader = "audit-reader";

    internal static void Add(AuthorizationOptions authorization, string gatewayAudience)
    {
        authorization.AddPolicy(DepartmentCaller, policy => policy
            .AddAuthenticationSchemes(JwtBearerDefaults.AuthenticationScheme)
            .RequireAuthenticatedUser()
            .AddRequirements(new GatewayAudienceRequirement(gatewayAudience), new DepartmentRequirement()));
        authorization.AddPolicy(AuditReader, policy => policy
            .AddAuthenticationSchemes(JwtBearerDefaults.AuthenticationScheme)
            .RequireAuthenticatedUser());
    }
}

/// <summary>Why a policy refused an authenticated caller, with the gRPC status to answer.</summary>
internal sealed class CallerRefusal(IAuthorizationHandler handler, StatusCode status, string message) : AuthorizationFailureReason(handler, message)
{
    public StatusCode Status { get; } = status;
}

/// <summary>
/// The token was issued for calls through the gateway. A token for an audit audience authenticates, but reaches
/// only the audit API.
/// </summary>
internal sealed class GatewayAudienceRequirement(string audience) : AuthorizationHandler<GatewayAudienceRequirement>, IAuthorizationRequirement
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, GatewayAudienceRequirement requirement)
    {
        var caller = Caller.Of(context.User, audience);
        if (caller.HasGatewayAudience)
            context.Succeed(requirement);
        else
            context.Fail(new CallerRefusal(this, StatusCode.Unauthenticated,
                $"The bearer token is for audience '{caller.Audiences}', not '{audience}'; request it with scope exchange.gateway."));
        return Task.CompletedTask;
    }
}

/// <summary>The client acts for a department, which becomes the call's consumer.</summary>
internal sealed class DepartmentRequirement : AuthorizationHandler<DepartmentRequirement>, IAuthorizationRequirement
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, DepartmentRequirement requirement)
    {
        if (!string.IsNullOrEmpty(context.User.FindFirst(Caller.DepartmentClaim)?.Value))
            context.Succeed(requirement);
        else
            context.Fail(new CallerRefusal(this, StatusCode.PermissionDenied,
                $"Client '{context.User.FindFirst(Caller.SubjectClaim)?.Value}' acts for no department; only department clients call resources through the gateway."));
        return Task.CompletedTask;
    }
}

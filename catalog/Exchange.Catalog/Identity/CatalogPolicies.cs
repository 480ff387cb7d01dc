using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Exchange.Catalog.Identity;

/// <summary>Who may call the catalog's gRPC services: named policies over the catalog's own bearer tokens.</summary>
public static class CatalogPolicies
{
    /// <summary>Any valid catalog token; the service decides from the caller's role what it may see.</summary>
    public const string TokenCaller = "token-caller";

    /// <summary>A token of the catalog-admin role (catalog writes).</summary>
    public const string CatalogAdmin = "catalog-admin";

    /// <summary>A token of the gateway role (audit checkpoints for witnessing).</summary>
    public const string Gateway = "gateway";

    internal static void Add(AuthorizationOptions authorization)
    {
        authorization.AddPolicy(TokenCaller, policy => policy
            .AddAuthenticationSchemes(JwtBearerDefaults.AuthenticationScheme)
            .RequireAuthenticatedUser());
        authorization.AddPolicy(CatalogAdmin, policy => policy
            .AddAuthenticationSchemes(JwtBearerDefaults.AuthenticationScheme)
            .RequireAuthenticatedUser()
            .AddRequirements(new CallerRoleRequirement(ExchangeClaims.Roles.CatalogAdmin)));
        authorization.AddPolicy(Gateway, policy => policy
            .AddAuthenticationSchemes(JwtBearerDefaults.AuthenticationScheme)
            .RequireAuthenticatedUser()
            .AddRequirements(new CallerRoleRequirement(ExchangeClaims.Roles.Gateway)));
    }
}

/// <summary>The token carries <see cref="Role"/>; the refusal names the role needed and the one the caller has.</summary>
internal sealed class CallerRoleRequirement(string role) : AuthorizationHandler<CallerRoleRequirement>, IAuthorizationRequirement
{
    public string Role { get; } = role;

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, CallerRoleRequirement requirement)
    {
        var has = context.User.FindFirst(ExchangeClaims.Role)?.Value;
        if (has == requirement.Role)
        {
            context.Succeed(requirement);
        }
        else
        {
            var client = context.User.FindFirst(Claims.Subject)?.Value ?? "unknown client";
            context.Fail(new AuthorizationFailureReason(this,
                $"This call needs role {requirement.Role}; client {client} has role {has ?? "none"}."));
        }
        return Task.CompletedTask;
    }
}

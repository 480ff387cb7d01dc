using Exchange.Catalog.Domain;
using Exchange.Catalog.Identity;
using Exchange.ServiceDefaults.Errors;
using Grpc.Core;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Exchange.Catalog.Grpc;

/// <summary>The <see cref="CatalogActor"/> behind a gRPC call, from its bearer token.</summary>
internal static class GrpcCaller
{
    private const string HowToGetOne = "get one from the catalog's token endpoint (/connect/token, client credentials, scope exchange.catalog)";

    /// <exception cref="UnauthenticatedException">when the call has no token or one this catalog does not accept.</exception>
    public static async Task<CatalogActor> RequireAsync(ServerCallContext context)
    {
        // The handler caches its result per request, so this does not validate the token a second time.
        var result = await context.GetHttpContext().AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme);
        if (result.Succeeded)
            return FromToken(result.Principal);
        if (result.Failure is { } failure)
            throw new UnauthenticatedException($"The bearer token was refused: {Reason(failure)}; {HowToGetOne}.");
        throw new UnauthenticatedException($"This call needs a bearer token; {HowToGetOne}.");
    }

    /// <exception cref="UnauthenticatedException" />
    /// <exception cref="PermissionDeniedException">when the caller is not a catalog admin.</exception>
    public static async Task<CatalogActor> RequireCatalogAdminAsync(ServerCallContext context, string what)
    {
        var actor = await RequireAsync(context);
        actor.RequireRole(what, ActorRole.CatalogAdmin);
        return actor;
    }

    private static CatalogActor FromToken(System.Security.Claims.ClaimsPrincipal principal)
    {
        var name = principal.FindFirst(Claims.Subject)?.Value ?? "unknown client";
        var department = principal.FindFirst(ExchangeClaims.Department)?.Value;
        return principal.FindFirst(ExchangeClaims.Role)?.Value switch
        {
            ExchangeClaims.Roles.CatalogAdmin => CatalogActor.Administrator(name),
            ExchangeClaims.Roles.Gateway => CatalogActor.Gateway(name),
            ExchangeClaims.Roles.Department when !string.IsNullOrEmpty(department) => CatalogActor.ForDepartment(name, department),
            var role => throw new PermissionDeniedException(
                $"The token of {name} carries no usable role ('{role}'); the catalog knows department (with a department claim), gateway and catalog-admin."),
        };
    }

    private static string Reason(Exception failure) => failure switch
    {
        SecurityTokenExpiredException => "it has expired",
        SecurityTokenInvalidAudienceException => $"it is not addressed to {ExchangeClaims.Audiences.Catalog}",
        SecurityTokenInvalidIssuerException => "this catalog did not issue it",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "its signature does not verify",
        SecurityTokenNotYetValidException => "it is not valid yet",
        _ => "it is not a valid access token",
    };
}

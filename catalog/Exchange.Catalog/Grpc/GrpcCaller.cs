using Exchange.Catalog.Domain;
using Exchange.Catalog.Identity;
using Exchange.ServiceDefaults.Errors;
using Grpc.Core;
using Microsoft.AspNetCore.Authentication;
using Microsoft.IdentityModel.Tokens;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Exchange.Catalog.Grpc;

/// <summary>The <see cref="CatalogActor"/> behind a gRPC call, from its bearer token.</summary>
internal static class GrpcCaller
{
    private const string HowToGetOne = "get one from the catalog's token endpoint (/connect/token, client credentials, scope exchange.catalog)";

    /// <summary>The caller of a method behind a <see cref="CatalogPolicies"/> policy, which has authenticated it.</summary>
    /// <exception cref="PermissionDeniedException">when the token carries no role the catalog knows.</exception>
    public static CatalogActor Of(ServerCallContext context) => FromToken(context.GetHttpContext().User, allowHolder: false);

    /// <summary>As <see cref="Of"/>, and a holder's token too: only the objection service takes those.</summary>
    public static CatalogActor OfObjectionCaller(ServerCallContext context) => FromToken(context.GetHttpContext().User, allowHolder: true);

    /// <summary>Why a call without an acceptable token is refused, and where to get one.</summary>
    public static string Unauthenticated(AuthenticateResult result) => result.Failure is { } failure
        ? $"The bearer token was refused: {Reason(failure)}; {HowToGetOne}."
        : $"This call needs a bearer token; {HowToGetOne}.";

    /// <remarks>
    /// A holder's token must never pass where a department's or gateway's would: every other service treats any
    /// caller that is not a department as one that sees everything.
    /// </remarks>
    internal static CatalogActor FromToken(System.Security.Claims.ClaimsPrincipal principal, bool allowHolder)
    {
        var name = principal.FindFirst(Claims.Subject)?.Value ?? "unknown client";
        var department = principal.FindFirst(ExchangeClaims.Department)?.Value;
        var holder = principal.FindFirst(ExchangeClaims.HolderId)?.Value;
        return principal.FindFirst(ExchangeClaims.Role)?.Value switch
        {
            ExchangeClaims.Roles.Holder when !allowHolder => throw new PermissionDeniedException(
                $"A holder's token ({name}) may only call exchange.objection.v1.ObjectionService; this method is for department systems."),
            ExchangeClaims.Roles.Holder when !string.IsNullOrEmpty(holder) && Exchange.Identifiers.HolderIdentifier.Problem(holder) is null
                => CatalogActor.ForHolder(name, holder),
            ExchangeClaims.Roles.CatalogAdmin => CatalogActor.Administrator(name),
            ExchangeClaims.Roles.Gateway => CatalogActor.Gateway(name),
            ExchangeClaims.Roles.Department when !string.IsNullOrEmpty(department) => CatalogActor.ForDepartment(name, department),
            var role => throw new PermissionDeniedException(
                $"The token of {name} carries no usable role ('{role}'); the catalog knows department (with a department claim), gateway, catalog-admin and holder (with a valid holder_id claim)."),
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

using System.Security.Claims;
using Exchange.Identifiers;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Exchange.Catalog.Identity.Holders;

/// <summary>
/// The authorization endpoint of the code flow (PKCE required, checked by OpenIddict with the client and its redirect
/// URI before this runs). A holder not yet vouched for by the identity service is sent to the sign-in page; one who
/// is gets an authorization code for a token that names them, and the short sign-in cookie is dropped, so the next
/// portal sign-in asks for a new one-time code.
/// </summary>
public static class AuthorizeEndpoint
{
    public const string Path = "/connect/authorize";

    public static async Task<IResult> AuthorizeAsync(HttpContext http, IOpenIddictApplicationManager applications)
    {
        var request = http.GetOpenIddictServerRequest()
                      ?? throw new InvalidOperationException("The OpenIddict request is missing; is the authorization endpoint passthrough on?");
        var signedIn = await http.AuthenticateAsync(HolderSignInExtensions.CookieScheme);
        var holderId = signedIn.Principal?.FindFirst(ExchangeClaims.HolderId)?.Value;
        if (!signedIn.Succeeded || string.IsNullOrEmpty(holderId))
        {
            var returnUrl = http.Request.PathBase + http.Request.Path + http.Request.QueryString;
            return Results.Redirect(HolderSignInExtensions.SignInPath + "?returnUrl=" + Uri.EscapeDataString(returnUrl));
        }

        var application = await applications.FindByClientIdAsync(request.ClientId!, http.RequestAborted)
                          ?? throw new InvalidOperationException("OpenIddict let an unknown client through.");
        var properties = await applications.GetPropertiesAsync(application, http.RequestAborted);
        var department = properties.TryGetValue(ExchangeClaims.Department, out var value) ? value.GetString() : null;

        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Subject, Claims.Role);
        identity.SetClaim(Claims.Subject, holderId);
        identity.SetClaim(ExchangeClaims.HolderId, holderId);
        identity.SetClaim(ExchangeClaims.HolderKind, HolderIdentifier.IsPerson(holderId) ? ExchangeClaims.HolderKinds.Person : ExchangeClaims.HolderKinds.Organisation);
        identity.SetClaim(ExchangeClaims.Role, ExchangeClaims.Roles.Holder);
        if (!string.IsNullOrEmpty(department))
            identity.SetClaim(ExchangeClaims.Department, department);
        // The gateway for the holder's licences and records, the catalog for the holder's objections: one access token, both audiences.
        var scopes = request.GetScopes().Intersect([Scopes.OpenId, ExchangeClaims.Scopes.Gateway, ExchangeClaims.Scopes.Catalog], StringComparer.Ordinal).ToArray();
        identity.SetScopes(scopes);
        identity.SetAudiences(scopes.Select(ExchangeClaims.AudienceOf).OfType<string>().Distinct());
        identity.SetDestinations(Destinations);

        await http.SignOutAsync(HolderSignInExtensions.CookieScheme);
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>The holder goes into both tokens; the department and role only into the access token the gateway reads.</summary>
    internal static IEnumerable<string> Destinations(Claim claim) => claim.Type switch
    {
        Claims.Subject or ExchangeClaims.HolderId or ExchangeClaims.HolderKind => [OpenIddictConstants.Destinations.AccessToken, OpenIddictConstants.Destinations.IdentityToken],
        _ => [OpenIddictConstants.Destinations.AccessToken],
    };
}

using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Exchange.Catalog.Identity;

/// <summary>
/// Issues client-credentials access tokens. OpenIddict has already authenticated the client and checked its
/// grant type and scope permissions when this runs; here the token gets its claims and audiences.
/// </summary>
public static class TokenEndpoint
{
    public const string Path = "/connect/token";

    public static async Task<IResult> IssueAsync(HttpContext http, IOpenIddictApplicationManager applications, Holders.RedeemedAuthorizationCodes redeemed)
    {
        var request = http.GetOpenIddictServerRequest()
                      ?? throw new InvalidOperationException("The OpenIddict request is missing; is the token endpoint passthrough on?");
        if (request.IsAuthorizationCodeGrantType())
            return await RedeemCodeAsync(http, request.Code, redeemed);
        if (!request.IsClientCredentialsGrantType() || string.IsNullOrEmpty(request.ClientId))
            return Refuse(Errors.UnsupportedGrantType, "Only the client_credentials grant is supported.");

        var application = await applications.FindByClientIdAsync(request.ClientId, http.RequestAborted);
        if (application is null)
            return Refuse(Errors.InvalidClient, "The client is not registered.");
        var properties = await applications.GetPropertiesAsync(application, http.RequestAborted);
        var role = properties.TryGetValue(ExchangeClaims.Role, out var roleValue) ? roleValue.GetString() : null;
        if (string.IsNullOrEmpty(role))
            return Refuse(Errors.UnauthorizedClient, "The client has no role.");

        var scopes = request.GetScopes();
        if (scopes.IsEmpty)
        {
            // No scope asked for: every scope the client may have, so a bare request still yields a usable token.
            var permissions = await applications.GetPermissionsAsync(application, http.RequestAborted);
            scopes = [.. permissions.Where(p => p.StartsWith(Permissions.Prefixes.Scope, StringComparison.Ordinal))
                .Select(p => p[Permissions.Prefixes.Scope.Length..])];
        }

        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Subject, Claims.Role);
        identity.SetClaim(Claims.Subject, request.ClientId);
        identity.SetClaim(ExchangeClaims.Role, role);
        if (properties.TryGetValue(ExchangeClaims.Department, out var department) && department.GetString() is { Length: > 0 } code)
            identity.SetClaim(ExchangeClaims.Department, code);
        identity.SetScopes(scopes);
        identity.SetAudiences(scopes.Select(ExchangeClaims.AudienceOf).OfType<string>().Distinct());
        identity.SetDestinations(static _ => [Destinations.AccessToken]);

        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>
    /// OpenIddict has checked the code's signature, client, redirect URI and PKCE verifier; the token carries what the
    /// authorization endpoint put in the code, once.
    /// </summary>
    private static async Task<IResult> RedeemCodeAsync(HttpContext http, string? presented, Holders.RedeemedAuthorizationCodes redeemed)
    {
        var code = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        if (code.Principal is not { } principal || string.IsNullOrEmpty(presented))
            return Refuse(Errors.InvalidGrant, "The authorization code is not valid.");
        // Without a token store the code has no stored id; the code itself (hashed) names it.
        var codeId = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(presented)));
        var expiresAt = principal.GetExpirationDate() ?? DateTimeOffset.UtcNow.AddMinutes(10);
        if (!await redeemed.TryRedeemAsync(codeId, expiresAt, http.RequestAborted))
            return Refuse(Errors.InvalidGrant, "The authorization code has already been used; sign in again.");
        var identity = new ClaimsIdentity(principal.Claims, TokenValidationParameters.DefaultAuthenticationType, Claims.Subject, Claims.Role);
        identity.SetDestinations(Holders.AuthorizeEndpoint.Destinations);
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static IResult Refuse(string error, string description) =>
        Results.Forbid(new Microsoft.AspNetCore.Authentication.AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}

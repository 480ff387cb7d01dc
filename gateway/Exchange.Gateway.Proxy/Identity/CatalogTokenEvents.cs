using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Exchange.Gateway.Identity;

/// <summary>
/// A token signed by a key the gateway has not seen is checked once more against freshly read keys in the same
/// call: the catalog may have rolled its keys since they were last read, and its clients should not see one refused
/// call per rollover. The JwtBearer handler has already asked <see cref="CatalogSigningKeys"/> to refresh (throttled),
/// so a forged key id costs the catalog at most one read per <see cref="IdentityOptions.UnknownKeyRefreshInterval"/>.
/// </summary>
internal sealed class CatalogTokenEvents(CatalogSigningKeys keys) : JwtBearerEvents
{
    private const string BearerPrefix = "Bearer ";

    public override async Task AuthenticationFailed(AuthenticationFailedContext context)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        if (context.Exception is not SecurityTokenSignatureKeyNotFoundException
            || !authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
            return;
        var token = authorization[BearerPrefix.Length..].Trim();
        string keyId;
        try
        {
            keyId = new JsonWebToken(token).Kid;
        }
        catch (ArgumentException)
        {
            return;
        }
        Microsoft.IdentityModel.Protocols.OpenIdConnect.OpenIdConnectConfiguration fresh;
        try
        {
            fresh = await keys.GetConfigurationAsync(context.HttpContext.RequestAborted);
        }
        catch (SigningKeysUnavailableException)
        {
            return;
        }
        if (string.IsNullOrEmpty(keyId) || !fresh.SigningKeys.Any(key => key.KeyId == keyId))
            return;

        var parameters = context.Options.TokenValidationParameters.Clone();
        parameters.ValidIssuer = fresh.Issuer;
        parameters.IssuerSigningKeys = fresh.SigningKeys;
        foreach (var handler in context.Options.TokenHandlers)
        {
            var result = await handler.ValidateTokenAsync(token, parameters);
            if (!result.IsValid)
                continue;
            context.Principal = new ClaimsPrincipal(result.ClaimsIdentity);
            context.Success();
            return;
        }
    }
}

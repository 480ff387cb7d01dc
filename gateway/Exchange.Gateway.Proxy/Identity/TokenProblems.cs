using System.Globalization;
using Grpc.Core;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Exchange.Gateway.Identity;

/// <summary>Turns why the JwtBearer handler refused a call into the status and the actionable message a department's developer reads.</summary>
internal static class TokenProblems
{
    private const string BearerPrefix = "Bearer ";

    public static (StatusCode Status, string Message) Explain(string? authorization, Exception? failure, IdentityOptions options)
    {
        if (string.IsNullOrEmpty(authorization))
        {
            return (StatusCode.Unauthenticated,
                $"The call carries no bearer token. Get one from the catalog's token endpoint {options.TokenEndpoint} "
                + "(client credentials, scope exchange.gateway) and send it as 'authorization: Bearer <token>'.");
        }
        if (!authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) || authorization.Length == BearerPrefix.Length)
            return (StatusCode.Unauthenticated, "The authorization header is not a bearer token; send 'authorization: Bearer <token>'.");
        if (failure is SigningKeysUnavailableException)
        {
            return (StatusCode.Unavailable,
                $"The gateway cannot check tokens yet: the catalog's signing keys at {options.Authority} are unreachable. Try again shortly.");
        }
        return (StatusCode.Unauthenticated, Message(failure, authorization[BearerPrefix.Length..].Trim(), options));
    }

    private static string Message(Exception? failure, string token, IdentityOptions options) => failure switch
    {
        SecurityTokenExpiredException expired =>
            $"The bearer token expired at {expired.Expires.ToString("u", CultureInfo.InvariantCulture)}; get a new one from {options.TokenEndpoint}.",
        SecurityTokenNotYetValidException early =>
            $"The bearer token is not valid before {early.NotBefore.ToString("u", CultureInfo.InvariantCulture)}.",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException or SecurityTokenInvalidSigningKeyException =>
            $"The bearer token's signature is not valid: it is not signed by a key the catalog at {options.Authority} publishes (forged, or from another issuer).",
        SecurityTokenInvalidAudienceException =>
            $"The bearer token is for audience '{AudiencesOf(token)}', not '{options.Audience}'; request it with scope exchange.gateway.",
        SecurityTokenInvalidIssuerException =>
            $"The bearer token was not issued by the catalog at {options.Authority}.",
        SecurityTokenNoExpirationException =>
            "The bearer token has no expiry; the catalog issues only short-lived tokens.",
        SecurityTokenMalformedException or ArgumentException =>
            "The bearer token is not a well-formed JWT.",
        null => "The bearer token is not valid.",
        _ => $"The bearer token is not valid: {failure.Message}.",
    };

    private static string AudiencesOf(string token)
    {
        try
        {
            return string.Join(", ", new JsonWebToken(token).Audiences);
        }
        catch (ArgumentException)
        {
            return string.Empty;
        }
    }
}

using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Exchange.Gateway.Identity;

/// <summary>
/// The JwtBearer handler's token handler: a consumer sends the same token on every call until it expires, and checking
/// its ES256 signature again each time was the largest piece of cryptography in a gateway call. A token that
/// validated once is accepted again without the signature check only if it is byte for byte the same token, the key
/// that signed it is still among the catalog's keys in hand (by key id and JWK thumbprint), its issuer and audience are
/// still accepted, and it has not expired: an entry never outlives the token's <c>exp</c> (no clock skew is added).
/// At most <see cref="IdentityOptions.ValidatedTokenCacheSize"/> tokens are remembered; a new token that finds the
/// cache full drops the expired ones, and if none expired is validated in full and not remembered.
/// </summary>
internal sealed class ValidatedTokenCache(TokenHandler inner, TimeProvider time, int capacity) : TokenHandler
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _sweep = new();

    public int Count => _entries.Count;

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (_entries.TryGetValue(token, out var entry))
        {
            if (entry.StillValid(now, validationParameters))
                return entry.Result();
            _entries.TryRemove(new KeyValuePair<string, Entry>(token, entry));
        }

        var result = await inner.ValidateTokenAsync(token, validationParameters);
        if (result.IsValid && result.SecurityToken is JsonWebToken { SigningKey: { } key } jwt && result.ClaimsIdentity is { } identity
            && jwt.ValidTo > now && HasRoom(now))
        {
            _entries[token] = new Entry(jwt, key, identity.Clone(), jwt.ValidTo);
        }
        return result;
    }

    public override SecurityToken ReadToken(string token) => inner.ReadToken(token);

    private bool HasRoom(DateTime now)
    {
        if (_entries.Count < capacity)
            return true;
        lock (_sweep)
        {
            if (_entries.Count < capacity)
                return true;
            foreach (var (token, entry) in _entries)
            {
                if (entry.Expires <= now)
                    _entries.TryRemove(new KeyValuePair<string, Entry>(token, entry));
            }
            return _entries.Count < capacity;
        }
    }

    private sealed class Entry(JsonWebToken token, SecurityKey key, ClaimsIdentity identity, DateTime expires)
    {
        private readonly string _thumbprint = Base64UrlEncoder.Encode(key.ComputeJwkThumbprint());
        private SecurityKey _key = key;

        public DateTime Expires { get; } = expires;

        public bool StillValid(DateTime now, TokenValidationParameters parameters) =>
            now < Expires && IssuerAccepted(parameters) && AudienceAccepted(parameters) && KeyInHand(parameters);

        // A copy per call: the handler and the authorization middleware own the identity they are given.
        public TokenValidationResult Result() => new()
        {
            IsValid = true,
            SecurityToken = token,
            ClaimsIdentity = identity.Clone(),
            Issuer = token.Issuer,
        };

        private bool IssuerAccepted(TokenValidationParameters parameters) =>
            string.Equals(parameters.ValidIssuer, token.Issuer, StringComparison.Ordinal)
            || parameters.ValidIssuers?.Contains(token.Issuer, StringComparer.Ordinal) == true;

        private bool AudienceAccepted(TokenValidationParameters parameters)
        {
            foreach (var audience in token.Audiences)
            {
                if (string.Equals(parameters.ValidAudience, audience, StringComparison.Ordinal)
                    || parameters.ValidAudiences?.Contains(audience, StringComparer.Ordinal) == true)
                    return true;
            }
            return false;
        }

        // The keys are re-read from the catalog now and then as new objects: the same key id must still be there with
        // the same key material (a withdrawn or replaced key ends every entry it signed).
        private bool KeyInHand(TokenValidationParameters parameters)
        {
            var keys = parameters.IssuerSigningKeys;
            if (keys is null)
                return ReferenceEquals(parameters.IssuerSigningKey, _key);
            foreach (var candidate in keys)
            {
                if (ReferenceEquals(candidate, _key))
                    return true;
                if (!string.Equals(candidate.KeyId, _key.KeyId, StringComparison.Ordinal) || !candidate.CanComputeJwkThumbprint())
                    continue;
                if (string.Equals(Base64UrlEncoder.Encode(candidate.ComputeJwkThumbprint()), _thumbprint, StringComparison.Ordinal))
                {
                    _key = candidate;
                    return true;
                }
            }
            return false;
        }
    }
}

using System.Security.Claims;
using System.Security.Cryptography;
using Exchange.Gateway.Identity;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Exchange.Gateway.UnitTests.Identity;

/// <summary>
/// A token that validated once skips its signature check on the next calls, but never for another token, after its
/// expiry, after its key is withdrawn, or for an issuer or audience no longer accepted.
/// </summary>
public sealed class ValidatedTokenCacheTests
{
    private const string Issuer = "https://catalog.test/";
    private const string Audience = "exchange-gateway";
    private static readonly DateTime Now = DateTime.UtcNow;
    private readonly FakeTimeProvider _time = new(Now);
    private readonly CountingHandler _inner = new();
    private readonly ECDsaSecurityKey _key = NewKey("key-1");

    [Fact]
    public async Task Same_token_is_signature_checked_once_while_it_is_valid()
    {
        var cache = new ValidatedTokenCache(_inner, _time, capacity: 10);
        var token = Token(_key, Now.AddMinutes(5));

        var first = await cache.ValidateTokenAsync(token, Parameters(_key));
        var second = await cache.ValidateTokenAsync(token, Parameters(_key));

        Assert.True(first.IsValid);
        Assert.True(second.IsValid);
        Assert.Equal(1, _inner.Calls);
        Assert.Equal("civil-affairs", second.ClaimsIdentity.FindFirst("sub")?.Value);
        Assert.NotSame(first.ClaimsIdentity, second.ClaimsIdentity);
    }

    [Fact]
    public async Task Remembered_token_is_checked_in_full_again_once_it_expires()
    {
        var cache = new ValidatedTokenCache(_inner, _time, capacity: 10);
        var expires = Now.AddMinutes(5);
        var token = Token(_key, expires);
        await cache.ValidateTokenAsync(token, Parameters(_key));

        _time.SetUtcNow(new DateTimeOffset(expires));
        await cache.ValidateTokenAsync(token, Parameters(_key));

        Assert.Equal(2, _inner.Calls);
    }

    [Fact]
    public async Task Token_with_a_changed_signature_is_not_served_from_the_cache()
    {
        var (cache, token) = await RememberedTokenAsync();
        var tampered = token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1];

        var result = await cache.ValidateTokenAsync(tampered, Parameters(_key));

        Assert.False(result.IsValid);
        Assert.Equal(2, _inner.Calls);
    }

    [Fact]
    public async Task Withdrawn_signing_key_ends_the_remembered_acceptance()
    {
        var (cache, token) = await RememberedTokenAsync();

        var result = await cache.ValidateTokenAsync(token, Parameters(NewKey("key-2")));

        Assert.False(result.IsValid);
        Assert.Equal(2, _inner.Calls);
    }

    [Fact]
    public async Task Other_key_material_under_the_same_key_id_ends_the_remembered_acceptance()
    {
        var (cache, token) = await RememberedTokenAsync();

        var result = await cache.ValidateTokenAsync(token, Parameters(NewKey(_key.KeyId)));

        Assert.False(result.IsValid);
        Assert.Equal(2, _inner.Calls);
    }

    [Fact]
    public async Task Same_key_read_again_from_the_catalog_keeps_the_remembered_acceptance()
    {
        var (cache, token) = await RememberedTokenAsync();
        var reread = new ECDsaSecurityKey(ECDsa.Create(_key.ECDsa.ExportParameters(includePrivateParameters: false))) { KeyId = _key.KeyId };

        var result = await cache.ValidateTokenAsync(token, Parameters(reread));

        Assert.True(result.IsValid);
        Assert.Equal(1, _inner.Calls);
    }

    [Fact]
    public async Task Audience_no_longer_accepted_is_checked_in_full()
    {
        var (cache, token) = await RememberedTokenAsync();
        var parameters = Parameters(_key);
        parameters.ValidAudiences = ["another-audience"];

        var result = await cache.ValidateTokenAsync(token, parameters);

        Assert.False(result.IsValid);
        Assert.Equal(2, _inner.Calls);
    }

    [Fact]
    public async Task Full_cache_still_validates_new_tokens_but_does_not_remember_them()
    {
        var cache = new ValidatedTokenCache(_inner, _time, capacity: 1);
        await cache.ValidateTokenAsync(Token(_key, Now.AddMinutes(5)), Parameters(_key));
        var other = Token(_key, Now.AddMinutes(6));

        Assert.True((await cache.ValidateTokenAsync(other, Parameters(_key))).IsValid);
        Assert.True((await cache.ValidateTokenAsync(other, Parameters(_key))).IsValid);

        Assert.Equal(1, cache.Count);
        Assert.Equal(3, _inner.Calls);
    }

    [Fact]
    public async Task Full_cache_makes_room_by_dropping_expired_tokens()
    {
        var cache = new ValidatedTokenCache(_inner, _time, capacity: 1);
        await cache.ValidateTokenAsync(Token(_key, Now.AddMinutes(1)), Parameters(_key));
        _time.Advance(TimeSpan.FromMinutes(2));
        var other = Token(_key, Now.AddMinutes(6));

        await cache.ValidateTokenAsync(other, Parameters(_key));
        await cache.ValidateTokenAsync(other, Parameters(_key));

        Assert.Equal(1, cache.Count);
        Assert.Equal(2, _inner.Calls);
    }

    /// <summary>A cache that has validated (and so remembers) a token of <c>_key</c> valid for five more minutes.</summary>
    private async Task<(ValidatedTokenCache Cache, string Token)> RememberedTokenAsync()
    {
        var cache = new ValidatedTokenCache(_inner, _time, capacity: 10);
        var token = Token(_key, Now.AddMinutes(5));
        await cache.ValidateTokenAsync(token, Parameters(_key));
        return (cache, token);
    }

    private static ECDsaSecurityKey NewKey(string id) => new(ECDsa.Create(ECCurve.NamedCurves.nistP256)) { KeyId = id };

    private static string Token(ECDsaSecurityKey key, DateTime expires) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = Issuer,
        Audience = Audience,
        Subject = new ClaimsIdentity([new Claim("sub", "civil-affairs")]),
        NotBefore = Now.AddMinutes(-1),
        IssuedAt = Now.AddMinutes(-1),
        Expires = expires,
        SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.EcdsaSha256),
    });

    // Lifetimes are the cache's to check against the fake clock; the inner handler checks everything else.
    private static TokenValidationParameters Parameters(SecurityKey key) => new()
    {
        ValidIssuers = [Issuer],
        ValidAudiences = [Audience],
        IssuerSigningKeys = [key],
        ValidateLifetime = false,
        RequireExpirationTime = true,
    };

    private sealed class CountingHandler : TokenHandler
    {
        private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

        public int Calls { get; private set; }

        public override Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
        {
            Calls++;
            return _handler.ValidateTokenAsync(token, validationParameters);
        }
    }
}

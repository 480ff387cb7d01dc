using Exchange.Gateway.Identity;

namespace Exchange.Gateway.UnitTests.Identity;

public sealed class IdentityOptionsTests
{
    private static readonly IdentityOptionsValidator Validator = new();

    [Fact]
    public void Defaults_are_valid() => OptionsAssert.Valid(Validator, new IdentityOptions());

    [Fact]
    public void Authority_must_be_an_absolute_http_address() =>
        OptionsAssert.Fails(Validator, new IdentityOptions { Authority = new Uri("ftp://catalog/") }, "Identity:Authority must be the catalog's absolute http or https issuer address");

    [Fact]
    public void Plaintext_authority_needs_the_development_switch()
    {
        OptionsAssert.Fails(Validator, new IdentityOptions { Authority = new Uri("http://127.0.0.1:7002/") },
            "Identity:Authority must be https: signing keys are read over plaintext only with Tls:AllowPlaintext.");
        OptionsAssert.Valid(Validator, new IdentityOptions { Authority = new Uri("http://127.0.0.1:7002/"), PlaintextAllowed = true });
    }

    [Fact]
    public void Audience_and_keys_path_must_be_set()
    {
        OptionsAssert.Fails(Validator, new IdentityOptions { Audience = " " }, "Identity:Audience must not be empty.");
        OptionsAssert.Fails(Validator, new IdentityOptions { KeysPath = "" }, "Identity:KeysPath must name a file.");
    }

    [Fact]
    public void Clock_skew_is_at_most_five_minutes() =>
        OptionsAssert.Fails(Validator, new IdentityOptions { ClockSkew = TimeSpan.FromMinutes(6) }, "Identity:ClockSkew must be between 0 and 5 minutes.");

    [Fact]
    public void Key_refreshes_are_at_least_a_second_apart()
    {
        OptionsAssert.Fails(Validator, new IdentityOptions { KeysRefreshInterval = TimeSpan.FromMilliseconds(999) }, "Identity:KeysRefreshInterval must be at least one second.");
        OptionsAssert.Fails(Validator, new IdentityOptions { UnknownKeyRefreshInterval = TimeSpan.Zero }, "Identity:UnknownKeyRefreshInterval must be at least one second.");
    }

    [Fact]
    public void Token_cache_size_is_bounded() =>
        OptionsAssert.Fails(Validator, new IdentityOptions { ValidatedTokenCacheSize = 1_000_001 }, "Identity:ValidatedTokenCacheSize must be between 0 and 1000000.");
}

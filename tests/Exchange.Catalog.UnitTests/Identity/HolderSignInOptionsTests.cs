using Exchange.Catalog.Identity;
using Exchange.Catalog.Identity.Holders;

namespace Exchange.Catalog.UnitTests.Identity;

public sealed class HolderSignInOptionsTests
{
    private static readonly HolderSignInOptionsValidator Validator = new();
    private static readonly CatalogIdentityOptionsValidator IdentityValidator = new();

    [Fact]
    public void Defaults_are_valid()
    {
        OptionsAssert.Valid(Validator, new HolderSignInOptions());
        OptionsAssert.Valid(IdentityValidator, new CatalogIdentityOptions { Issuer = new Uri("https://127.0.0.1:7002/") });
    }

    [Fact]
    public void Only_the_demo_identity_service_is_connected() =>
        OptionsAssert.Fails(Validator, new HolderSignInOptions { IdentityService = "national" }, "HolderSignIn:IdentityService must be 'demo'");

    [Fact]
    public void Codes_are_short_lived()
    {
        OptionsAssert.Fails(Validator, new HolderSignInOptions { CodeLifetime = TimeSpan.FromMinutes(16) }, "HolderSignIn:CodeLifetime must be between 0 and 15 minutes.");
        OptionsAssert.Fails(Validator, new HolderSignInOptions { AuthorizationCodeLifetime = TimeSpan.Zero }, "HolderSignIn:AuthorizationCodeLifetime must be between 0 and 10 minutes.");
        OptionsAssert.Fails(Validator, new HolderSignInOptions { MaxCodeAttempts = 11 }, "HolderSignIn:MaxCodeAttempts must be between 1 and 10.");
    }

    [Fact]
    public void The_issuer_is_an_http_address() =>
        OptionsAssert.Fails(IdentityValidator, new CatalogIdentityOptions { Issuer = new Uri("urn:catalog") }, "Identity:Issuer must be an absolute http or https URI.");
}

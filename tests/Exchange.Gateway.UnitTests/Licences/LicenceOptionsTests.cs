using Exchange.Gateway.Licences;
using Exchange.Gateway.Licences.Presentations;

namespace Exchange.Gateway.UnitTests.Licences;

public sealed class LicenceOptionsTests
{
    private static readonly LicenceOptionsValidator Validator = new();
    private static readonly PresentationOptionsValidator PresentationValidator = new();

    [Fact]
    public void Defaults_are_valid()
    {
        OptionsAssert.Valid(Validator, new LicenceOptions());
        OptionsAssert.Valid(PresentationValidator, new PresentationOptions());
    }

    [Fact]
    public void Cache_lifetimes_must_be_positive()
    {
        OptionsAssert.Fails(Validator, new LicenceOptions { CacheTtl = TimeSpan.Zero, RevokedCacheTtl = TimeSpan.Zero }, "Licences:CacheTtl must be positive.");
        OptionsAssert.Fails(Validator, new LicenceOptions { NegativeCacheTtl = TimeSpan.FromSeconds(-1) }, "Licences:NegativeCacheTtl must be positive.");
        OptionsAssert.Fails(Validator, new LicenceOptions { IssuerTimeout = TimeSpan.Zero }, "Licences:IssuerTimeout must be positive.");
        OptionsAssert.Fails(Validator, new LicenceOptions { CatalogRefreshInterval = TimeSpan.Zero }, "Licences:CatalogRefreshInterval must be positive.");
    }

    [Fact]
    public void A_revoked_licence_outlives_a_cached_one() =>
        OptionsAssert.Fails(Validator, new LicenceOptions { CacheTtl = TimeSpan.FromMinutes(5), RevokedCacheTtl = TimeSpan.FromMinutes(1) },
            "Licences:RevokedCacheTtl must be at least Licences:CacheTtl, or a revoked licence could be cached as valid again.");

    [Fact]
    public void Presentation_codes_are_short_lived_and_their_failure_limits_ordered()
    {
        OptionsAssert.Fails(PresentationValidator, new PresentationOptions { Lifetime = TimeSpan.FromMinutes(31) }, "Presentations:Lifetime must be positive and at most 30 minutes");
        OptionsAssert.Fails(PresentationValidator, new PresentationOptions { MaxFailuresPerClerk = 0 }, "Presentations:MaxFailuresPerClerk must be at least 1.");
        OptionsAssert.Fails(PresentationValidator, new PresentationOptions { MaxFailuresPerClerk = 30, MaxFailuresPerDepartment = 20 },
            "Presentations:MaxFailuresPerClerk must be at most Presentations:MaxFailuresPerDepartment.");
        OptionsAssert.Fails(PresentationValidator, new PresentationOptions { FailureWindow = TimeSpan.Zero }, "Presentations:FailureWindow must be positive.");
    }
}

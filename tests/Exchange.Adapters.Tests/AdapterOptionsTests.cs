using Exchange.Adapters.Shared.Gateway;
using Exchange.Adapters.Shared.Licences;

namespace Exchange.Adapters.Tests;

/// <summary>The shared adapter settings' rules (adapters/Exchange.Adapters.Shared), as start-up checks them.</summary>
public sealed class AdapterOptionsTests
{
    private const string CreditCode = "91330106MALC7YCP9L";

    [Fact]
    public void A_provider_names_its_department()
    {
        var validator = new ExchangeContextOptionsValidator();
        OptionsAssert.Valid(validator, new ExchangeContextOptions { Department = "PUBLIC-SECURITY" });
        OptionsAssert.Fails(validator, new ExchangeContextOptions(), "ExchangeContext:Department must be set");
        OptionsAssert.Fails(validator, new ExchangeContextOptions { Department = "public security" }, "ExchangeContext:Department must be a department code such as PUBLIC-SECURITY.");
        OptionsAssert.Fails(validator, new ExchangeContextOptions { Department = "PUBLIC-SECURITY", MaxLifetime = TimeSpan.FromMinutes(11) },
            "ExchangeContext:MaxLifetime must be between 1 second and 10 minutes.");
    }

    [Fact]
    public void An_issuer_has_a_valid_credit_code()
    {
        var validator = new LicenceOptionsValidator();
        OptionsAssert.Valid(validator, new LicenceOptions { IssuerCreditCode = CreditCode });
        OptionsAssert.Fails(validator, new LicenceOptions(), "Licences:IssuerCreditCode must be set");
        OptionsAssert.Fails(validator, new LicenceOptions { IssuerCreditCode = "91330106MALC7YCP9X" }, "Licences:IssuerCreditCode");
        OptionsAssert.Fails(validator, new LicenceOptions { IssuerCreditCode = CreditCode, KeyRotation = TimeSpan.Zero }, "Licences:KeyRotation must be between 1 second and 3650 days.");
    }

    [Fact]
    public void Key_registration_retries_are_ordered()
    {
        var validator = new IssuerKeyRegistrationOptionsValidator();
        OptionsAssert.Valid(validator, new IssuerKeyRegistrationOptions());
        OptionsAssert.Fails(validator, new IssuerKeyRegistrationOptions { InitialRetryDelay = TimeSpan.FromSeconds(20) }, "Catalog:MaxRetryDelay must not be shorter than Catalog:InitialRetryDelay.");
        OptionsAssert.Fails(validator, new IssuerKeyRegistrationOptions { Address = new Uri("dns:catalog") }, "Catalog:Address must be the catalog's absolute http or https gRPC address");
    }
}

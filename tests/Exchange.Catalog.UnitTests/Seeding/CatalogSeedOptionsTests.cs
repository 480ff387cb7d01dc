using Exchange.Catalog.Seeding;

namespace Exchange.Catalog.UnitTests.Seeding;

public sealed class CatalogSeedOptionsTests
{
    private static readonly CatalogSeedOptionsValidator Validator = new();

    [Fact]
    public void Defaults_are_valid() => OptionsAssert.Valid(Validator, new CatalogSeedOptions());

    [Fact]
    public void A_seeded_endpoint_is_named_by_its_department() =>
        OptionsAssert.Fails(Validator, new CatalogSeedOptions { Endpoints = new SeedEndpoints { CivilAffairs = "127.0.0.1:7013" } },
            "Catalog:Seed:Endpoints:CIVIL-AFFAIRS must be an absolute http or https URI.");
}

using Exchange.Catalog.Licences;
using Exchange.Catalog.Seeding;
using Exchange.Protos.Catalog.V1;

namespace Exchange.Catalog.UnitTests.Licences;

/// <summary>What a service item may say, against the catalog the seed publishes.</summary>
public sealed class ServiceItemDefinitionRulesTests
{
    private static readonly ServiceItemReferences Seeded = new(
        SeedCatalog.Departments().Select(d => d.Code).ToHashSet(StringComparer.Ordinal),
        SeedCatalog.Resources(new SeedEndpoints()));

    private static ServiceItem Marriage() => SeedServiceItems.All().Single(i => i.Code == "CA-MARRIAGE-REGISTRATION").Clone();

    [Fact]
    public void Every_seeded_service_item_is_well_formed()
    {
        Assert.All(SeedServiceItems.All(), item => Assert.Empty(ServiceItemDefinitionRules.Problems(item, Seeded)));
    }

    [Fact]
    public void A_licence_item_the_licence_type_does_not_have_is_refused_so_an_item_cannot_widen_what_a_counter_reads()
    {
        var item = Marriage();
        item.Materials[0].LicenceDataItems.Add("ethnicity_of_grandparents");

        var problem = Assert.Single(ServiceItemDefinitionRules.Problems(item, Seeded));

        Assert.Equal("materials[0].licence_data_items", problem.Field);
        Assert.Contains("ethnicity_of_grandparents", problem.Reason);
    }

    [Fact]
    public void A_licence_type_no_published_resource_issues_and_an_unpublished_resource_are_refused()
    {
        var item = Marriage();
        item.Materials[0].LicenceTypeCode = "FAKE";
        item.Materials[2].ResourceCode = "PS-NOT-THERE";

        var fields = ServiceItemDefinitionRules.Problems(item, Seeded).Select(p => p.Field).ToList();

        Assert.Equal(["materials[0].licence_type_code", "materials[2].resource_code"], fields);
    }

    [Fact]
    public void A_rule_the_gateway_does_not_run_is_refused()
    {
        var item = Marriage();
        item.RuleCodes.Add("MARRIAGE-HOROSCOPE");

        var problem = Assert.Single(ServiceItemDefinitionRules.Problems(item, Seeded));

        Assert.Equal("rule_codes", problem.Field);
        Assert.Contains("MARRIAGE-HOROSCOPE", problem.Reason);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var item = new ServiceItem { Code = "lower-case", Name = "", DepartmentCode = "NOBODY" };
        item.Roles.Add(new ApplicantRole { Code = "applicant", Title = "申请人", HolderKind = HolderKind.Person });
        item.Roles.Add(new ApplicantRole { Code = "applicant", Title = "", HolderKind = HolderKind.Unspecified });
        item.Materials.Add(new Material { Code = "M01", Name = "身份证", Role = "stranger" });

        var fields = ServiceItemDefinitionRules.Problems(item, Seeded).Select(p => p.Field).ToList();

        Assert.Equal(
            ["code", "name", "department_code", "roles[1].code", "roles[1].title", "roles[1].holder_kind", "materials[0].role"],
            fields);
    }
}

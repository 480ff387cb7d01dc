using Exchange.SyntheticData;

namespace Exchange.Adapters.Tests;

/// <summary>
/// The demo subjects adapters/README.md lists, one for each material rule, keep the facts that rule looks at. Ages are
/// taken at a day well after the generation date, as the rules take them at the day of the check.
/// </summary>
public sealed class SyntheticPopulationDemoSubjectTests(SyntheticPopulationFixture fixture) : IClassFixture<SyntheticPopulationFixture>
{
    private static readonly DateOnly CheckedOn = new(2027, 6, 30);
    private SyntheticPopulation Population => fixture.Population;

    private Resident Resident(string id) => fixture.ResidentsById[id];

    private IEnumerable<MarriageRegistration> RecordsOf(string id) =>
        Population.MarriageRegistrations.Where(m => m.HusbandCitizenId == id || m.WifeCitizenId == id);

    private static int AgeOn(DateOnly birth, DateOnly day) => day.Year - birth.Year - (day < birth.AddYears(day.Year - birth.Year) ? 1 : 0);

    [Fact]
    public void Unmarried_eligible_pair_is_a_man_and_a_woman_of_age_without_marriage_records()
    {
        var man = Resident("33010819920126201X");
        var woman = Resident("33010620010302554X");
        Assert.Equal(("唐皓轩", Gender.Male, ResidentStatus.Normal), (man.Name, man.Gender, man.Status));
        Assert.Equal(("潘依诺", Gender.Female, ResidentStatus.Normal), (woman.Name, woman.Gender, woman.Status));
        Assert.True(AgeOn(man.BirthDate, new DateOnly(2026, 1, 1)) >= 22);
        Assert.True(AgeOn(woman.BirthDate, new DateOnly(2026, 1, 1)) >= 20);
        Assert.Empty(RecordsOf(man.CitizenId));
        Assert.Empty(RecordsOf(woman.CitizenId));
    }

    [Fact]
    public void Married_couple_latest_event_is_their_marriage()
    {
        var latest = RecordsOf("330106198812153739").OrderBy(m => m.RegisteredDate).Last();
        Assert.Equal(MarriageRegistrationKind.Marriage, latest.Kind);
        Assert.Equal("420106198511225649", latest.WifeCitizenId);
    }

    [Fact]
    public void Divorced_and_remarried_man_is_married_to_his_second_wife_and_his_first_wife_is_divorced()
    {
        var records = RecordsOf("110108197401081352").OrderBy(m => m.RegisteredDate).ToList();
        Assert.Equal([MarriageRegistrationKind.Marriage, MarriageRegistrationKind.Divorce, MarriageRegistrationKind.Marriage], records.Select(r => r.Kind));
        Assert.Equal("310104197505063265", records[0].WifeCitizenId);
        Assert.Equal("110105197405019506", records[2].WifeCitizenId);
    }

    [Fact]
    public void Deceased_and_under_age_subjects_keep_their_status_and_age()
    {
        Assert.Equal(ResidentStatus.Deceased, Resident("330108194007217052").Status);
        var minor = Resident("330108200704090016");
        Assert.Equal((Gender.Male, ResidentStatus.Normal), (minor.Gender, minor.Status));
        Assert.True(AgeOn(minor.BirthDate, CheckedOn) < 22);
        Assert.Empty(RecordsOf(minor.CitizenId));
    }

    [Fact]
    public void Listed_investor_represents_an_enterprise_on_the_serious_violation_list()
    {
        var enterprise = Population.Enterprises.Single(e => e.CreditCode == "91310115DJ82CHG7TJ");
        Assert.Equal(("310115199012160495", "郑奕辰"), (enterprise.LegalRepresentativeCitizenId, enterprise.LegalRepresentativeName));
        Assert.Contains(Population.CreditListEntries, c => c.CreditCode == enterprise.CreditCode && c.List == CreditList.SeriousViolations && c.RemovedDate is null);
    }

    [Fact]
    public void Disqualified_legal_representative_led_an_enterprise_whose_licence_was_revoked()
    {
        var enterprise = Population.Enterprises.Single(e => e.CreditCode == "91330106MAYWJ17WW3");
        Assert.Equal(EnterpriseStatus.Revoked, enterprise.Status);
        Assert.Equal("330106198507316554", enterprise.LegalRepresentativeCitizenId);
        Assert.Equal(ResidentStatus.Normal, Resident(enterprise.LegalRepresentativeCitizenId).Status);
    }

    [Fact]
    public void Revoked_social_organisation_has_a_certificate_to_show_revoked()
    {
        Assert.Equal(SocialOrganizationStatus.Revoked, Population.SocialOrganizations.Single(o => o.CreditCode == "51310115MJ69WJXDKL").Status);
    }

    [Fact]
    public void A_listed_reason_agrees_with_the_register_status()
    {
        var status = Population.Enterprises.ToDictionary(e => e.CreditCode, e => e.Status);
        foreach (var entry in Population.CreditListEntries.Where(c => c.Reason.Contains("撤销市场主体登记", StringComparison.Ordinal)))
            Assert.Equal(EnterpriseStatus.Revoked, status[entry.CreditCode]);
    }
}

using Exchange.Identifiers;
using Exchange.SyntheticData;

namespace Exchange.Adapters.Tests;

public sealed class SyntheticPopulationTests(SyntheticPopulationFixture fixture) : IClassFixture<SyntheticPopulationFixture>
{
    private static readonly DateOnly ReferenceDate = SyntheticPopulationOptions.Default.ReferenceDate;
    private SyntheticPopulation Population => fixture.Population;

    [Fact]
    public void Default_population_meets_the_minimum_sizes()
    {
        Assert.True(Population.Residents.Count >= 10_000, $"{Population.Residents.Count} residents");
        Assert.True(Population.Enterprises.Count >= 2_000, $"{Population.Enterprises.Count} enterprises");
        var marriages = Population.MarriageRegistrations.Count(m => m.Kind == MarriageRegistrationKind.Marriage);
        Assert.True(marriages >= 1_000, $"{marriages} marriages");
        Assert.Contains(Population.MarriageRegistrations, m => m.Kind == MarriageRegistrationKind.Divorce);
        Assert.True(Population.SocialOrganizations.Count >= 200, $"{Population.SocialOrganizations.Count} social organisations");
        Assert.Contains(Population.CreditListEntries, c => c.List == CreditList.AbnormalOperations);
        Assert.Contains(Population.CreditListEntries, c => c.List == CreditList.SeriousViolations);
    }

    [Fact]
    public void Same_options_give_equal_populations()
    {
        var again = SyntheticPopulation.Generate(SyntheticPopulationOptions.Default);

        Assert.Equal(Population.Residents, again.Residents);
        Assert.Equal(Population.Enterprises, again.Enterprises);
        Assert.Equal(Population.CreditListEntries, again.CreditListEntries);
        Assert.Equal(Population.MarriageRegistrations, again.MarriageRegistrations);
        Assert.Equal(Population.SocialOrganizations, again.SocialOrganizations);
    }

    [Fact]
    public void Demo_identifiers_stay_those_documented_in_the_adapters_readme()
    {
        // The generator uses its own PRNG, so these never change with the .NET version; if a change to the
        // generator moves them, update adapters/README.md with the new values.
        Assert.Equal("330106198812153739", Population.Residents[0].CitizenId);
        Assert.Equal("郭建平", Population.Residents[0].Name);
        Assert.Equal("91330106MALC7YCP9L", Population.Enterprises[0].CreditCode);
        Assert.Equal("51330106MJMXM8CJUB", Population.SocialOrganizations[0].CreditCode);
    }

    [Fact]
    public void Another_seed_gives_another_population()
    {
        var other = SyntheticPopulation.Generate(SyntheticPopulationOptions.Default with { Seed = 42, ResidentCount = 500, EnterpriseCount = 50, MarriageCount = 50, SocialOrganizationCount = 20 });

        Assert.NotEqual(Population.Residents[1].CitizenId, other.Residents[1].CitizenId);
    }

    [Fact]
    public void Citizen_ids_are_valid_unique_and_agree_with_birth_date_and_gender()
    {
        foreach (var resident in Population.Residents)
        {
            var check = CitizenId.Validate(resident.CitizenId);
            Assert.True(check.IsValid, $"{resident.CitizenId}: {check.Reason}");
            Assert.Equal(resident.BirthDate, CitizenId.BirthDateOf(resident.CitizenId));
            Assert.Equal(resident.Gender == Gender.Male, CitizenId.IsMale(resident.CitizenId));
            Assert.InRange(resident.BirthDate.Year, 1940, 2010);
            Assert.False(string.IsNullOrWhiteSpace(resident.Name));
            Assert.EndsWith("室", resident.RegisteredAddress);
        }
        Assert.Equal(Population.Residents.Count, Population.Residents.Select(r => r.CitizenId).Distinct().Count());
    }

    [Fact]
    public void Residents_are_mostly_han_and_of_normal_status_with_some_exceptions()
    {
        var han = Population.Residents.Count(r => r.Ethnicity == "汉族");
        Assert.InRange(han, Population.Residents.Count * 85 / 100, Population.Residents.Count * 97 / 100);
        Assert.Contains(Population.Residents, r => r.Status == ResidentStatus.Deceased);
        Assert.Contains(Population.Residents, r => r.Status == ResidentStatus.Cancelled);
        Assert.True(Population.Residents.Count(r => r.Status == ResidentStatus.Normal) > Population.Residents.Count * 9 / 10);
    }

    [Fact]
    public void Credit_codes_are_valid_unique_across_registers_and_carry_their_category()
    {
        var codes = Population.Enterprises.Select(e => e.CreditCode).Concat(Population.SocialOrganizations.Select(o => o.CreditCode)).ToList();
        foreach (var code in codes)
        {
            var check = UnifiedSocialCreditCode.Validate(code);
            Assert.True(check.IsValid, $"{code}: {check.Reason}");
        }
        Assert.Equal(codes.Count, codes.Distinct().Count());

        foreach (var enterprise in Population.Enterprises)
        {
            var expected = enterprise.Type switch
            {
                EnterpriseType.IndividualBusiness => "92",
                EnterpriseType.FarmersCooperative => "93",
                _ => "91",
            };
            Assert.StartsWith(expected, enterprise.CreditCode);
        }
        foreach (var organization in Population.SocialOrganizations)
            Assert.StartsWith($"5{(int)organization.Type}", organization.CreditCode);
    }

    [Fact]
    public void Names_and_certificate_numbers_are_unique_within_their_register()
    {
        Assert.Equal(Population.Enterprises.Count, Population.Enterprises.Select(e => e.Name).Distinct().Count());
        Assert.Equal(Population.SocialOrganizations.Count, Population.SocialOrganizations.Select(o => o.Name).Distinct().Count());
        Assert.Equal(Population.MarriageRegistrations.Count, Population.MarriageRegistrations.Select(m => m.CertificateNumber).Distinct().Count());
    }

    [Fact]
    public void Enterprise_legal_representatives_are_adult_residents_of_normal_status_with_the_same_name()
    {
        foreach (var enterprise in Population.Enterprises)
        {
            Assert.True(fixture.ResidentsById.TryGetValue(enterprise.LegalRepresentativeCitizenId, out var representative),
                $"{enterprise.Name}: legal representative {enterprise.LegalRepresentativeCitizenId} is not a resident");
            Assert.Equal(representative.Name, enterprise.LegalRepresentativeName);
            Assert.Equal(ResidentStatus.Normal, representative.Status);
            Assert.True(representative.BirthDate.AddYears(18) <= enterprise.EstablishedDate, $"{enterprise.Name} was established by a minor");
            Assert.True(enterprise.EstablishedDate <= ReferenceDate);
        }
    }

    [Fact]
    public void Credit_list_entries_belong_to_enterprises_and_are_dated_in_order()
    {
        var enterprises = Population.Enterprises.ToDictionary(e => e.CreditCode);
        foreach (var entry in Population.CreditListEntries)
        {
            Assert.True(enterprises.TryGetValue(entry.CreditCode, out var enterprise), $"{entry.CreditCode} is not an enterprise");
            Assert.True(entry.ListedDate > enterprise.EstablishedDate);
            Assert.True(entry.ListedDate <= ReferenceDate);
            if (entry.RemovedDate is { } removed)
                Assert.True(removed > entry.ListedDate && removed <= ReferenceDate);
            Assert.False(string.IsNullOrWhiteSpace(entry.Reason));
            Assert.EndsWith("市场监督管理局", entry.DecidingAuthority);
        }
    }

    [Fact]
    public void Marriage_parties_are_residents_of_opposite_gender_and_of_legal_age_at_the_date()
    {
        foreach (var registration in Population.MarriageRegistrations)
        {
            var husband = fixture.ResidentsById[registration.HusbandCitizenId];
            var wife = fixture.ResidentsById[registration.WifeCitizenId];
            Assert.Equal(Gender.Male, husband.Gender);
            Assert.Equal(Gender.Female, wife.Gender);
            Assert.Equal(husband.Name, registration.HusbandName);
            Assert.Equal(wife.Name, registration.WifeName);
            Assert.True(husband.BirthDate.AddYears(22) <= registration.RegisteredDate, registration.CertificateNumber);
            Assert.True(wife.BirthDate.AddYears(20) <= registration.RegisteredDate, registration.CertificateNumber);
            Assert.True(registration.RegisteredDate <= ReferenceDate);
            Assert.EndsWith("民政局婚姻登记处", registration.RegistrationOffice);
            var prefix = registration.Kind == MarriageRegistrationKind.Marriage ? "J" : "L";
            Assert.Matches($"^{prefix}[0-9]{{6}}-{registration.RegisteredDate.Year}-[0-9]{{6}}$", registration.CertificateNumber);
        }
    }

    [Fact]
    public void Nobody_is_married_to_two_people_at_once_and_divorces_follow_their_marriage()
    {
        var events = Population.MarriageRegistrations
            .SelectMany(r => new[] { (Person: r.HusbandCitizenId, Registration: r), (Person: r.WifeCitizenId, Registration: r) })
            .GroupBy(e => e.Person);
        foreach (var person in events)
        {
            string? spouse = null;
            foreach (var (_, registration) in person.OrderBy(e => e.Registration.RegisteredDate).ThenBy(e => e.Registration.Kind))
            {
                var other = registration.HusbandCitizenId == person.Key ? registration.WifeCitizenId : registration.HusbandCitizenId;
                if (registration.Kind == MarriageRegistrationKind.Marriage)
                {
                    Assert.Null(spouse);
                    spouse = other;
                }
                else
                {
                    Assert.Equal(spouse, other);
                    spouse = null;
                }
            }
        }
    }

    [Fact]
    public void Social_organisation_legal_representatives_are_residents_with_the_same_name()
    {
        foreach (var organization in Population.SocialOrganizations)
        {
            Assert.True(fixture.ResidentsById.TryGetValue(organization.LegalRepresentativeCitizenId, out var representative),
                $"{organization.Name}: legal representative is not a resident");
            Assert.Equal(representative.Name, organization.LegalRepresentativeName);
            Assert.True(representative.BirthDate.AddYears(18) <= organization.RegisteredDate);
        }
        Assert.Contains(Population.SocialOrganizations, o => o.Type == SocialOrganizationType.SocialGroup);
        Assert.Contains(Population.SocialOrganizations, o => o.Type == SocialOrganizationType.PrivateNonEnterpriseUnit);
        Assert.Contains(Population.SocialOrganizations, o => o.Type == SocialOrganizationType.Foundation);
    }

    [Fact]
    public void The_first_subjects_are_good_demo_subjects()
    {
        var resident = Population.Residents[0];
        Assert.Equal(ResidentStatus.Normal, resident.Status);
        Assert.True(resident.BirthDate.AddYears(22) <= ReferenceDate);

        var enterprise = Population.Enterprises[0];
        Assert.Equal(EnterpriseStatus.Active, enterprise.Status);
        Assert.Equal("杭州西湖云帆科技有限公司", enterprise.Name);
        Assert.Equal(resident.CitizenId, enterprise.LegalRepresentativeCitizenId);
        Assert.DoesNotContain(Population.CreditListEntries, c => c.CreditCode == enterprise.CreditCode);

        var records = Population.MarriageRegistrations
            .Where(m => m.HusbandCitizenId == enterprise.LegalRepresentativeCitizenId || m.WifeCitizenId == enterprise.LegalRepresentativeCitizenId)
            .ToList();
        var marriage = Assert.Single(records);
        Assert.Equal(MarriageRegistrationKind.Marriage, marriage.Kind);

        var organization = Population.SocialOrganizations[0];
        Assert.Equal(SocialOrganizationStatus.Active, organization.Status);
        Assert.Equal(marriage.WifeCitizenId, organization.LegalRepresentativeCitizenId);
    }
}

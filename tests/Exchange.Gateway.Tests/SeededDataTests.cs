using Exchange.Identifiers;
using Exchange.Protos.CivilAffairs.V1;
using Exchange.Protos.MarketRegulation.V1;
using Exchange.Protos.PublicSecurity.V1;
using Exchange.Testing;
using Grpc.Core;

namespace Exchange.Gateway.Tests;

/// <summary>Every department method, called through the gateway, answers with the seeded data.</summary>
[Collection(SharedClusterCollection.Name)]
public sealed class SeededDataTests(RecordedClusterFixture fixture)
{
    private static readonly Exchange.SyntheticData.SyntheticPopulation Seeded = SeededPopulation.Default;

    // Each provider calls its own resources here, so every data item comes back; grants are tested elsewhere.
    private PopulationService.PopulationServiceClient Population => new(fixture.Cluster.GatewayCallsAs(ExchangeClients.PublicSecurity));
    private EnterpriseService.EnterpriseServiceClient Enterprises => new(fixture.Cluster.GatewayCallsAs(ExchangeClients.MarketRegulation));
    private CivilAffairsService.CivilAffairsServiceClient CivilAffairs => new(fixture.Cluster.GatewayCallsAs(ExchangeClients.CivilAffairs));

    [Fact]
    public async Task GetResident_returns_the_seeded_resident()
    {
        foreach (var index in SeededPopulation.SampleIndexes(Seeded.Residents.Count))
        {
            var expected = Seeded.Residents[index];
            var resident = (await Population.GetResidentAsync(new GetResidentRequest { CitizenId = expected.CitizenId })).Resident;

            Assert.Equal(expected.CitizenId, resident.CitizenId);
            Assert.Equal(expected.Name, resident.Name);
            Assert.Equal(expected.Gender.ToString(), resident.Gender.ToString());
            Assert.Equal(expected.BirthDate.ToString("yyyy-MM-dd"), resident.BirthDate);
            Assert.Equal(expected.Ethnicity, resident.Ethnicity);
            Assert.Equal(expected.RegisteredAddress, resident.RegisteredAddress);
            Assert.Equal(expected.Status.ToString(), resident.Status.ToString());
        }
    }

    [Fact]
    public async Task GetResident_reports_deceased_and_cancelled_status()
    {
        foreach (var status in new[] { Exchange.SyntheticData.ResidentStatus.Deceased, Exchange.SyntheticData.ResidentStatus.Cancelled })
        {
            var expected = Seeded.Residents.First(r => r.Status == status);
            var resident = (await Population.GetResidentAsync(new GetResidentRequest { CitizenId = expected.CitizenId })).Resident;

            Assert.Equal(status.ToString(), resident.Status.ToString());
        }
    }

    [Fact]
    public async Task VerifyIdentity_matches_only_the_registered_name()
    {
        var resident = Seeded.Residents[0];

        Assert.True((await Population.VerifyIdentityAsync(new VerifyIdentityRequest { CitizenId = resident.CitizenId, Name = resident.Name })).Match);
        Assert.False((await Population.VerifyIdentityAsync(new VerifyIdentityRequest { CitizenId = resident.CitizenId, Name = resident.Name + "某" })).Match);
        Assert.False((await Population.VerifyIdentityAsync(new VerifyIdentityRequest { CitizenId = SeededPopulation.UnknownCitizenId(), Name = resident.Name })).Match);
    }

    [Fact]
    public async Task GetEnterprise_returns_the_seeded_enterprise()
    {
        foreach (var index in SeededPopulation.SampleIndexes(Seeded.Enterprises.Count))
        {
            var expected = Seeded.Enterprises[index];
            var enterprise = (await Enterprises.GetEnterpriseAsync(new GetEnterpriseRequest { CreditCode = expected.CreditCode })).Enterprise;

            Assert.Equal(expected.CreditCode, enterprise.CreditCode);
            Assert.Equal(expected.Name, enterprise.Name);
            Assert.Equal(expected.Type.ToString(), enterprise.Type.ToString());
            Assert.Equal(expected.LegalRepresentativeName, enterprise.LegalRepresentativeName);
            Assert.Equal(expected.LegalRepresentativeCitizenId, enterprise.LegalRepresentativeCitizenId);
            Assert.Equal(expected.RegisteredCapitalYuan, enterprise.RegisteredCapitalYuan);
            Assert.Equal(expected.EstablishedDate.ToString("yyyy-MM-dd"), enterprise.EstablishedDate);
            Assert.Equal(expected.Address, enterprise.Address);
            Assert.Equal(expected.BusinessScope, enterprise.BusinessScope);
            Assert.Equal(expected.Status.ToString(), enterprise.Status.ToString());
            Assert.Equal(expected.RegistrationAuthority, enterprise.RegistrationAuthority);
        }
    }

    [Fact]
    public async Task VerifyEnterprise_matches_only_the_registered_name()
    {
        var enterprise = Seeded.Enterprises[0];

        Assert.True((await Enterprises.VerifyEnterpriseAsync(new VerifyEnterpriseRequest { CreditCode = enterprise.CreditCode, Name = enterprise.Name })).Match);
        Assert.False((await Enterprises.VerifyEnterpriseAsync(new VerifyEnterpriseRequest { CreditCode = enterprise.CreditCode, Name = "另一家有限公司" })).Match);
    }

    [Fact]
    public async Task GetCreditStatus_returns_the_seeded_list_entries()
    {
        foreach (var list in new[] { Exchange.SyntheticData.CreditList.AbnormalOperations, Exchange.SyntheticData.CreditList.SeriousViolations })
        {
            var code = Seeded.CreditListEntries.First(e => e.List == list).CreditCode;
            var expected = Seeded.CreditListEntries.Where(e => e.CreditCode == code).ToList();

            var status = await Enterprises.GetCreditStatusAsync(new GetCreditStatusRequest { CreditCode = code });

            Assert.Equal(code, status.CreditCode);
            Assert.Equal(expected.Count(e => e.List == Exchange.SyntheticData.CreditList.AbnormalOperations), status.AbnormalOperations.Count);
            Assert.Equal(expected.Count(e => e.List == Exchange.SyntheticData.CreditList.SeriousViolations), status.SeriousViolations.Count);
            var first = expected.First(e => e.List == list);
            var entries = list == Exchange.SyntheticData.CreditList.AbnormalOperations ? status.AbnormalOperations : status.SeriousViolations;
            Assert.Contains(entries, e => e.Reason == first.Reason && e.ListedDate == first.ListedDate.ToString("yyyy-MM-dd") && e.DecidingAuthority == first.DecidingAuthority);
        }

        var clean = await Enterprises.GetCreditStatusAsync(new GetCreditStatusRequest { CreditCode = Seeded.Enterprises[0].CreditCode });
        Assert.Empty(clean.AbnormalOperations);
        Assert.Empty(clean.SeriousViolations);
    }

    [Fact]
    public async Task GetMarriageRecords_returns_both_parties_registrations_with_the_spouse_masked()
    {
        var marriage = Seeded.MarriageRegistrations[0];

        var husband = await CivilAffairs.GetMarriageRecordsAsync(new GetMarriageRecordsRequest { CitizenId = marriage.HusbandCitizenId });
        var wife = await CivilAffairs.GetMarriageRecordsAsync(new GetMarriageRecordsRequest { CitizenId = marriage.WifeCitizenId });

        var record = Assert.Single(husband.Records, r => r.CertificateNumber == marriage.CertificateNumber);
        Assert.Equal(MarriageRecordKind.Marriage, record.Kind);
        Assert.Equal(marriage.RegisteredDate.ToString("yyyy-MM-dd"), record.RegisteredDate);
        Assert.Equal(marriage.RegistrationOffice, record.RegistrationOffice);
        Assert.Equal(marriage.WifeName, record.SpouseName);
        Assert.Equal(CitizenId.Mask(marriage.WifeCitizenId), record.SpouseMaskedCitizenId);
        Assert.Contains(wife.Records, r => r.CertificateNumber == marriage.CertificateNumber && r.SpouseMaskedCitizenId == CitizenId.Mask(marriage.HusbandCitizenId));
        Assert.DoesNotContain(marriage.WifeCitizenId, husband.ToString());
    }

    [Fact]
    public async Task GetMarriageRecords_lists_a_divorce_after_its_marriage()
    {
        var divorce = Seeded.MarriageRegistrations.First(r => r.Kind == Exchange.SyntheticData.MarriageRegistrationKind.Divorce);

        var records = (await CivilAffairs.GetMarriageRecordsAsync(new GetMarriageRecordsRequest { CitizenId = divorce.HusbandCitizenId })).Records;

        var divorceIndex = records.ToList().FindIndex(r => r.CertificateNumber == divorce.CertificateNumber);
        Assert.True(divorceIndex > 0, "the divorce is listed, after at least one marriage");
        Assert.Equal(MarriageRecordKind.Divorce, records[divorceIndex].Kind);
        Assert.Equal(records.OrderBy(r => r.RegisteredDate, StringComparer.Ordinal).Select(r => r.CertificateNumber), records.Select(r => r.CertificateNumber));
    }

    [Fact]
    public async Task GetSocialOrganization_returns_the_seeded_organisation()
    {
        foreach (var index in SeededPopulation.SampleIndexes(Seeded.SocialOrganizations.Count))
        {
            var expected = Seeded.SocialOrganizations[index];
            var organization = (await CivilAffairs.GetSocialOrganizationAsync(new GetSocialOrganizationRequest { CreditCode = expected.CreditCode })).SocialOrganization;

            Assert.Equal(expected.CreditCode, organization.CreditCode);
            Assert.Equal(expected.Name, organization.Name);
            Assert.Equal(expected.Type.ToString(), organization.Type.ToString());
            Assert.Equal(expected.LegalRepresentativeName, organization.LegalRepresentativeName);
            Assert.Equal(expected.LegalRepresentativeCitizenId, organization.LegalRepresentativeCitizenId);
            Assert.Equal(expected.RegistrationAuthority, organization.RegistrationAuthority);
            Assert.Equal(expected.RegisteredDate.ToString("yyyy-MM-dd"), organization.RegisteredDate);
            Assert.Equal(expected.Status.ToString(), organization.Status.ToString());
        }
    }

    [Fact]
    public async Task Unknown_identifiers_are_not_found()
    {
        var unknownCitizen = SeededPopulation.UnknownCitizenId();
        var unknownCode = SeededPopulation.UnknownCreditCode();

        await AssertNotFound(Population.GetResidentAsync(new GetResidentRequest { CitizenId = unknownCitizen }).ResponseAsync, unknownCitizen);
        await AssertNotFound(Enterprises.GetEnterpriseAsync(new GetEnterpriseRequest { CreditCode = unknownCode }).ResponseAsync, unknownCode);
        await AssertNotFound(Enterprises.GetCreditStatusAsync(new GetCreditStatusRequest { CreditCode = unknownCode }).ResponseAsync, unknownCode);
        await AssertNotFound(CivilAffairs.GetSocialOrganizationAsync(new GetSocialOrganizationRequest { CreditCode = unknownCode }).ResponseAsync, unknownCode);
        Assert.Empty((await CivilAffairs.GetMarriageRecordsAsync(new GetMarriageRecordsRequest { CitizenId = unknownCitizen })).Records);
    }

    [Fact]
    public async Task Legal_representatives_of_enterprises_resolve_at_public_security()
    {
        foreach (var index in SeededPopulation.SampleIndexes(Seeded.Enterprises.Count).Concat(Enumerable.Range(10, 20)))
        {
            var enterprise = (await Enterprises.GetEnterpriseAsync(new GetEnterpriseRequest { CreditCode = Seeded.Enterprises[index].CreditCode })).Enterprise;
            // Market regulation holds a seeded grant for citizen_id, name and status of PS-RESIDENT-BASIC.
            var representative = (await PopulationAs(ExchangeClients.MarketRegulation).GetResidentAsync(new GetResidentRequest { CitizenId = enterprise.LegalRepresentativeCitizenId })).Resident;

            Assert.Equal(enterprise.LegalRepresentativeName, representative.Name);
        }
    }

    [Fact]
    public async Task Marriage_parties_resolve_at_public_security_with_the_names_civil_affairs_holds()
    {
        foreach (var marriage in Seeded.MarriageRegistrations.Take(10))
        {
            // Civil affairs holds a seeded grant for name, gender, birth_date and status of PS-RESIDENT-BASIC.
            var husband = (await PopulationAs(ExchangeClients.CivilAffairs).GetResidentAsync(new GetResidentRequest { CitizenId = marriage.HusbandCitizenId })).Resident;
            var records = (await CivilAffairs.GetMarriageRecordsAsync(new GetMarriageRecordsRequest { CitizenId = marriage.WifeCitizenId })).Records;

            Assert.Equal(Gender.Male, husband.Gender);
            Assert.Contains(records, r => r.SpouseName == husband.Name);
        }
    }

    private PopulationService.PopulationServiceClient PopulationAs(string clientId) => new(fixture.Cluster.GatewayCallsAs(clientId));

    private static async Task AssertNotFound(Task call, string identifier)
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => call);
        Assert.Equal(StatusCode.NotFound, ex.StatusCode);
        Assert.Contains(identifier, ex.Status.Detail);
    }
}

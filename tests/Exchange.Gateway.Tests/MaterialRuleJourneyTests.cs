using Exchange.Protos.Audit.V1;
using Exchange.Protos.Licence.V1;
using Exchange.Testing;

namespace Exchange.Gateway.Tests;

/// <summary>
/// CheckMaterials with the seeded demo subjects (adapters/README.md), through the gateway on the shared cluster: each
/// rule allowed, blocked or warning with the data the providers hold, read under the handling department's grants.
/// </summary>
[Collection(SharedClusterCollection.Name)]
public sealed class MaterialRuleJourneyTests(RecordedClusterFixture fixture)
{
    private const string EligibleMan = "33010819920126201X";
    private const string EligibleWoman = "33010620010302554X";
    private const string MarriedMan = "330106198812153739";
    private const string HisWife = "420106198511225649";
    private const string RemarriedMan = "110108197401081352";
    private const string DivorcedWoman = "310104197505063265";
    private const string DeceasedMan = "330108194007217052";
    private const string UnderAgeMan = "330108200704090016";
    private const string ExpiredCardWoman = "330108200306251283";
    private const string ListedInvestor = "310115199012160495";
    private const string ListedEnterprise = "91310115DJ82CHG7TJ";
    private const string RevokedEnterpriseRepresentative = "330106198507316554";

    private ExchangeCluster Cluster => fixture.Cluster;

    private Task<CheckMaterialsResponse> CheckAsync(string department, string item, string caseNumber, params (string Role, string Holder)[] applicants)
    {
        var request = new CheckMaterialsRequest { ServiceItemCode = item };
        request.Applicants.Add(applicants.Select(a => new Applicant { Role = a.Role, HolderId = a.Holder }));
        return LicenceCalls.As(Cluster, department, caseNumber).CheckMaterialsAsync(request).ResponseAsync;
    }

    private Task<CheckMaterialsResponse> MarriageAsync(string man, string woman, string? caseNumber = null) =>
        CheckAsync(ExchangeClients.CivilAffairs, "CA-MARRIAGE-REGISTRATION", caseNumber ?? NewCase(), ("applicant", man), ("spouse", woman));

    private static string NewCase() => $"CASE-{Guid.NewGuid():N}"[..24];

    [Fact]
    public async Task An_unmarried_eligible_pair_is_accepted_with_identity_and_household_exempt_and_the_facts_shown()
    {
        var response = await MarriageAsync(EligibleMan, EligibleWoman);

        Assert.False(response.Blocked, string.Join(" / ", response.Findings.Select(f => f.Title)));
        Assert.DoesNotContain(response.Findings, f => f.Severity is FindingSeverity.Blocking or FindingSeverity.CannotCheck);
        Assert.Equal(4, response.MaterialsExempted);
        var household = response.Materials.Single(m => m.MaterialCode == "M03");
        Assert.Equal((MaterialOutcome.Exempt, "PUBLIC-SECURITY"), (household.Outcome, household.SourceDepartment));
        Assert.Contains(household.Confirmed, f => f.Name == "户籍状态" && f.Value == "正常" && f.Source == "PS-RESIDENT-BASIC");
        Assert.Contains(response.Materials.Single(m => m.MaterialCode == "M01").Confirmed, f => f.Name == "证照编号");
        Assert.Equal(["唐皓轩", "潘依诺"], response.Parties.Select(p => p.Name));
    }

    [Fact]
    public async Task Every_fact_a_check_reads_is_on_record_under_the_person_it_is_about_with_the_case()
    {
        var caseNumber = NewCase();
        await MarriageAsync(EligibleMan, EligibleWoman, caseNumber);

        // The spouse is the second applicant: before, only the check itself was recorded, under the first applicant.
        var audit = new AuditService.AuditServiceClient(Cluster.GatewayCallsAs(ExchangeClients.CivilAffairs));
        var records = (await audit.QueryAuditRecordsAsync(new QueryAuditRecordsRequest { HolderId = EligibleWoman, PageSize = 1000 })).Records
            .Where(r => r.CaseNumber == caseNumber)
            .ToList();
        var residentRead = Assert.Single(records, r => r.ResourceCode == "PS-RESIDENT-BASIC");
        Assert.Equal(("CIVIL-AFFAIRS", "PUBLIC-SECURITY", "OK"), (residentRead.ConsumerDepartmentCode, residentRead.ProviderDepartmentCode, residentRead.Status));
        Assert.NotEmpty(residentRead.DataItems);
        Assert.Single(records, r => r.ResourceCode == "CA-MARRIAGE-RECORDS" && r.Method.EndsWith("/GetMarriageRecords", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_couple_married_to_each_other_is_blocked_with_their_registration()
    {
        var response = await MarriageAsync(MarriedMan, HisWife);

        Assert.True(response.Blocked);
        var finding = Assert.Single(response.Findings, f => f.RuleCode == "MARRIAGE-NOT-MARRIED");
        Assert.Equal(("双方已登记结婚", FindingSeverity.Blocking, "CIVIL-AFFAIRS"), (finding.Title, finding.Severity, finding.SourceDepartment));
        Assert.Contains(finding.Evidence, e => e.Name == "结婚证字号");
    }

    [Fact]
    public async Task A_divorced_and_remarried_man_is_married_now()
    {
        var response = await MarriageAsync(RemarriedMan, EligibleWoman);

        var finding = Assert.Single(response.Findings, f => f.RuleCode == "MARRIAGE-NOT-MARRIED");
        Assert.Equal(("男方当事人已有配偶", RemarriedMan), (finding.Title, finding.HolderId));
        Assert.Contains("2006-01-30", finding.Detail);
    }

    [Fact]
    public async Task A_deceased_man_an_unknown_id_an_under_age_man_and_two_women_are_each_blocked_by_their_rule()
    {
        var deceased = await MarriageAsync(DeceasedMan, EligibleWoman);
        var unknown = await MarriageAsync(EligibleMan, SeededPopulation.UnknownCitizenId());
        var underAge = await MarriageAsync(UnderAgeMan, EligibleWoman);
        var twoWomen = await MarriageAsync(HisWife, EligibleWoman);
        var samePerson = await MarriageAsync(EligibleMan, EligibleMan);

        Assert.Contains(deceased.Findings, f => f.RuleCode == "IDENTITY-ALIVE" && f.Title == "男方当事人已死亡" && f.SourceDepartment == "PUBLIC-SECURITY");
        Assert.Contains(unknown.Findings, f => f.RuleCode == "IDENTITY-ALIVE" && f.Title == "女方当事人身份无法确认");
        // The 户口簿 exempt for a non-existent citizen: no record, no exemption.
        Assert.Equal(MaterialOutcome.NoRecord, unknown.Materials.Single(m => m.MaterialCode == "M04").Outcome);
        Assert.Contains(underAge.Findings, f => f.RuleCode == "MARRIAGE-AGE" && f.HolderId == UnderAgeMan);
        Assert.Contains(twoWomen.Findings, f => f.RuleCode == "MARRIAGE-PARTIES" && f.Title == "男方当事人不是男性");
        Assert.Contains(samePerson.Findings, f => f.RuleCode == "MARRIAGE-PARTIES" && f.Title == "双方当事人为同一人");
        Assert.All([deceased, unknown, underAge, twoWomen, samePerson], r => Assert.True(r.Blocked));
    }

    [Fact]
    public async Task An_expired_identity_card_is_still_required_and_says_expired()
    {
        var response = await MarriageAsync(EligibleMan, ExpiredCardWoman);

        var card = response.Materials.Single(m => m.MaterialCode == "M02");
        Assert.False(card.Exempt);
        Assert.Equal(MaterialOutcome.Expired, card.Outcome);
        Assert.Contains("过期", card.Reason);
    }

    [Fact]
    public async Task A_marriage_certificate_revoked_by_divorce_is_still_required_and_says_revoked()
    {
        var response = await CheckAsync(ExchangeClients.PublicSecurity, "PS-HOUSEHOLD-MOVE-SPOUSE", NewCase(), ("applicant", DivorcedWoman), ("spouse", EligibleMan));

        var certificate = response.Materials.Single(m => m.MaterialCode == "M01");
        Assert.Equal(MaterialOutcome.Revoked, certificate.Outcome);
        Assert.Contains("离婚登记", certificate.Reason);
    }

    [Fact]
    public async Task A_listed_investor_is_refused_market_entry_naming_the_listing()
    {
        var response = await CheckAsync(ExchangeClients.MarketRegulation, "MR-ENTERPRISE-ESTABLISHMENT", NewCase(),
            ("legal_representative", EligibleMan), ("shareholder", ListedInvestor));

        Assert.True(response.Blocked);
        var finding = Assert.Single(response.Findings, f => f.RuleCode == "CREDIT-MARKET-ENTRY" && f.Severity == FindingSeverity.Blocking);
        Assert.Equal(("shareholder", "MARKET-REGULATION", "MR-CREDIT-STATUS"), (finding.Role, finding.SourceDepartment, finding.ResourceCode));
        Assert.Contains(finding.Evidence, e => e.Name == "企业" && e.Value.Contains(ListedEnterprise, StringComparison.Ordinal));
        Assert.Contains(finding.Evidence, e => e.Name == "作出决定机关" && e.Value == "上海市市场监督管理局");
        Assert.Contains(finding.Evidence, e => e.Name == "列入日期" && e.Value == "2022-12-27");
        // One material per paper: no separate identity-check item inflating the count.
        Assert.Equal(4, response.Materials.Count);
    }

    [Fact]
    public async Task The_representative_of_a_revoked_enterprise_is_a_warning_to_verify()
    {
        var response = await CheckAsync(ExchangeClients.MarketRegulation, "MR-ENTERPRISE-ESTABLISHMENT", NewCase(),
            ("legal_representative", RevokedEnterpriseRepresentative), ("shareholder", EligibleMan));

        Assert.False(response.Blocked);
        var finding = Assert.Single(response.Findings, f => f.RuleCode == "COMPANY-LAW-178");
        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.Contains("91330106MAYWJ17WW3", finding.Detail);
    }

    [Fact]
    public async Task A_change_registration_shows_the_enterprises_own_listing()
    {
        var response = await CheckAsync(ExchangeClients.MarketRegulation, "MR-ENTERPRISE-CHANGE-REGISTRATION", NewCase(),
            ("enterprise", ListedEnterprise), ("legal_representative", EligibleMan));

        Assert.Contains(response.Findings, f => f.RuleCode == "CREDIT-ENTERPRISE-LISTING" && f.Title == "申请企业被列入严重违法失信名单");
        var credit = response.Materials.Single(m => m.MaterialCode == "M03");
        Assert.Contains(credit.Confirmed, f => f.Name == "严重违法失信名单" && f.Value.Contains("2022-12-27", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Social_organisation_establishment_cannot_check_credit_data_civil_affairs_is_not_granted()
    {
        var response = await CheckAsync(ExchangeClients.CivilAffairs, "CA-SOCIAL-ORGANIZATION-ESTABLISHMENT", NewCase(), ("legal_representative", ListedInvestor));

        Assert.Equal("社会团体成立登记", response.ServiceItemName);
        var finding = Assert.Single(response.Findings, f => f.RuleCode == "CREDIT-MARKET-ENTRY");
        Assert.True((FindingSeverity.CannotCheck, "MR-CREDIT-STATUS") == (finding.Severity, finding.ResourceCode), $"{finding.ResourceCode}: {finding.Detail}");
        Assert.Contains("CIVIL-AFFAIRS", finding.Detail);
    }

    [Fact]
    public async Task Statistics_count_a_real_case_once_and_its_stop_but_never_a_trial_with_an_unknown_id()
    {
        var before = await LicenceCalls.As(Cluster, ExchangeClients.CivilAffairs).GetMaterialStatisticsAsync(new GetMaterialStatisticsRequest());
        var blockedCase = NewCase();

        await MarriageAsync(MarriedMan, HisWife, blockedCase);
        await MarriageAsync(MarriedMan, HisWife, blockedCase);
        await MarriageAsync(EligibleMan, SeededPopulation.UnknownCitizenId());
        var after = await LicenceCalls.As(Cluster, ExchangeClients.CivilAffairs).GetMaterialStatisticsAsync(new GetMaterialStatisticsRequest());

        var was = before.ServiceItems.SingleOrDefault(i => i.ServiceItemCode == "CA-MARRIAGE-REGISTRATION") ?? new MaterialStatistics();
        var now = after.ServiceItems.Single(i => i.ServiceItemCode == "CA-MARRIAGE-REGISTRATION");
        Assert.Equal(was.Checks + 1, now.Checks);
        Assert.Equal(was.ApplicationsStopped + 1, now.ApplicationsStopped);
        Assert.Equal(before.ApplicationsStoppedTotal + 1, after.ApplicationsStoppedTotal);
    }
}

using Exchange.Gateway.Licences.Facts;
using Exchange.Gateway.Licences.Rules;
using Exchange.Identifiers;
using Exchange.Protos.CivilAffairs.V1;
using Exchange.Protos.Licence.V1;
using Exchange.Protos.PublicSecurity.V1;

namespace Exchange.Gateway.Rules.Tests;

public sealed class MarriageRuleTests
{
    private const string Man = "33010819920126201X";        // born 1992-01-26
    private const string Woman = "33010620010302554X";      // born 2001-03-02
    private const string YoungMan = "330108200704090016";   // born 2007-04-09
    private const string OtherWoman = "420106198511225649";

    private static readonly CancellationToken Ct = CancellationToken.None;

    private static async Task<IReadOnlyList<Finding>> CheckAsync(IMaterialRule rule, FakeFacts facts, string man, string woman) =>
        await rule.CheckAsync(Cases.For(Cases.Marriage, facts, man, woman), Ct);

    [Fact]
    public async Task An_unmarried_man_and_woman_of_age_raise_nothing()
    {
        var facts = new FakeFacts();

        Assert.Empty(await CheckAsync(new MarriagePartiesRule(), facts, Man, Woman));
        Assert.Empty(await CheckAsync(new MarriageAgeRule(), facts, Man, Woman));
        Assert.Empty(await CheckAsync(new MarriageStatusRule(), facts, Man, Woman));
    }

    [Fact]
    public async Task The_same_person_as_both_parties_is_blocked()
    {
        var finding = Assert.Single(await CheckAsync(new MarriagePartiesRule(), new FakeFacts(), Man, Man));

        Assert.Equal(FindingSeverity.Blocking, finding.Severity);
        Assert.Equal("双方当事人为同一人", finding.Title);
        Assert.Contains("第一千零四十九条", finding.LegalBasis);
    }

    [Fact]
    public async Task Two_women_are_blocked_naming_the_sex_their_ids_show()
    {
        var finding = Assert.Single(await CheckAsync(new MarriagePartiesRule(), new FakeFacts(), OtherWoman, Woman));

        Assert.Equal(FindingSeverity.Blocking, finding.Severity);
        Assert.Equal("applicant", finding.Role);
        Assert.Contains(finding.Evidence, e => e.Name == "性别" && e.Value == "女");
    }

    [Fact]
    public async Task A_man_under_22_is_blocked_with_the_day_he_may_marry()
    {
        var finding = Assert.Single(await CheckAsync(new MarriageAgeRule(), new FakeFacts(), YoungMan, Woman));

        Assert.Equal((FindingSeverity.Blocking, YoungMan), (finding.Severity, finding.HolderId));
        Assert.Contains("2029-04-09 起方可登记", finding.Detail);
        Assert.Contains(finding.Evidence, e => e.Name == "周岁" && e.Value == "19");
    }

    [Fact]
    public async Task A_party_whose_latest_event_is_a_marriage_is_blocked_with_the_registration()
    {
        var facts = new FakeFacts();
        facts.Marriages[Man] = [Record(MarriageRecordKind.Marriage, "2013-05-20", "韩静", OtherWoman)];

        var finding = Assert.Single(await CheckAsync(new MarriageStatusRule(), facts, Man, Woman));

        Assert.Equal(FindingSeverity.Blocking, finding.Severity);
        Assert.Equal("男方当事人已有配偶", finding.Title);
        Assert.Equal(("CIVIL-AFFAIRS", SharedResources.MarriageRecords), (finding.SourceDepartment, finding.ResourceCode));
        Assert.Contains(finding.Evidence, e => e.Name == "最近一次婚姻登记" && e.Value == "结婚登记 2013-05-20");
        Assert.Contains("第一千零四十二条", finding.LegalBasis);
    }

    [Fact]
    public async Task A_couple_already_married_to_each_other_is_told_so()
    {
        var facts = new FakeFacts();
        facts.Marriages[Man] = [Record(MarriageRecordKind.Marriage, "2013-05-20", "潘依诺", Woman)];
        facts.Marriages[Woman] = [Record(MarriageRecordKind.Marriage, "2013-05-20", "唐皓轩", Man)];

        var findings = await CheckAsync(new MarriageStatusRule(), facts, Man, Woman);

        // One fact about both parties, said once and about neither alone.
        var finding = Assert.Single(findings);
        Assert.Equal(("双方已登记结婚", string.Empty), (finding.Title, finding.Role));
    }

    [Fact]
    public async Task Divorced_is_free_to_marry_but_divorced_and_remarried_is_not()
    {
        var divorced = new FakeFacts();
        divorced.Marriages[Man] = [Record(MarriageRecordKind.Marriage, "1999-06-27", "赵丽娟", OtherWoman), Record(MarriageRecordKind.Divorce, "2002-01-04", "赵丽娟", OtherWoman)];
        var remarried = new FakeFacts();
        remarried.Marriages[Man] = [.. divorced.Marriages[Man], Record(MarriageRecordKind.Marriage, "2006-01-30", "邓晓丽", OtherWoman)];

        Assert.Empty(await CheckAsync(new MarriageStatusRule(), divorced, Man, Woman));
        var finding = Assert.Single(await CheckAsync(new MarriageStatusRule(), remarried, Man, Woman));
        Assert.Contains("2006-01-30", finding.Detail);
    }

    [Fact]
    public async Task Marriage_records_not_shared_are_a_cannot_check_never_a_pass()
    {
        var facts = new FakeFacts();
        facts.NotShared.Add(SharedResources.MarriageRecords);

        var findings = await CheckAsync(new MarriageStatusRule(), facts, Man, Woman);

        Assert.Equal(2, findings.Count);
        Assert.All(findings, f => Assert.Equal(FindingSeverity.CannotCheck, f.Severity));
        Assert.All(findings, f => Assert.Contains("无权使用", f.Detail));
    }

    [Fact]
    public async Task A_deceased_or_unknown_party_is_blocked_and_a_living_one_passes()
    {
        var facts = new FakeFacts();
        facts.Residents[Man] = new Resident { CitizenId = Man, Name = "胡国强", Status = ResidentStatus.Deceased };
        facts.Residents[Woman] = new Resident { CitizenId = Woman, Name = "潘依诺", Status = ResidentStatus.Normal };

        var dead = await CheckAsync(new PartyIdentityRule(), facts, Man, Woman);
        facts.Residents.Remove(Woman);
        var unknown = await CheckAsync(new PartyIdentityRule(), facts, Man, Woman);

        var finding = Assert.Single(dead);
        Assert.Equal(("男方当事人已死亡", FindingSeverity.Blocking), (finding.Title, finding.Severity));
        Assert.Contains(finding.Evidence, e => e.Name == "户籍状态" && e.Value == "死亡" && e.SourceDepartment == "PUBLIC-SECURITY");
        Assert.Contains(unknown, f => f.HolderId == Woman && f.Title == "女方当事人身份无法确认");
    }

    [Fact]
    public async Task A_status_the_grant_does_not_include_is_a_cannot_check()
    {
        var facts = new FakeFacts();
        facts.Residents[Man] = new Resident { Name = "唐皓轩" };
        facts.Residents[Woman] = new Resident { Name = "潘依诺", Status = ResidentStatus.Normal };

        var finding = Assert.Single(await CheckAsync(new PartyIdentityRule(), facts, Man, Woman));

        Assert.Equal(FindingSeverity.CannotCheck, finding.Severity);
    }

    private static MarriageRecord Record(MarriageRecordKind kind, string date, string spouse, string spouseId) => new()
    {
        Kind = kind,
        RegisteredDate = date,
        RegistrationOffice = "杭州市西湖区民政局婚姻登记处",
        CertificateNumber = $"{(kind == MarriageRecordKind.Marriage ? "J" : "L")}330106-{date[..4]}-000001",
        SpouseName = spouse,
        SpouseMaskedCitizenId = CitizenId.Mask(spouseId),
    };
}

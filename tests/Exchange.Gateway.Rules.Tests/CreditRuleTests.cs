using Exchange.Gateway.Licences.Facts;
using Exchange.Gateway.Licences.Rules;
using Exchange.Labels;
using Exchange.Protos.Licence.V1;
using Exchange.Protos.MarketRegulation.V1;
using Microsoft.Extensions.DependencyInjection;

namespace Exchange.Gateway.Rules.Tests;

public sealed class CreditRuleTests
{
    private const string Representative = "310115199012160495";
    private const string Shareholder = "33010819920126201X";
    private const string Listed = "91310115DJ82CHG7TJ";
    private const string Applying = "91330106MALC7YCP9L";

    private static readonly CancellationToken Ct = CancellationToken.None;

    private static FakeFacts ListedRepresentative(string removedDate = "")
    {
        var facts = new FakeFacts();
        facts.Represented[Representative] = [new Enterprise { CreditCode = Listed, Name = "上海博远建筑工程股份有限公司", Status = EnterpriseStatus.Active }];
        facts.Credit[Listed] = new GetCreditStatusResponse
        {
            CreditCode = Listed,
            SeriousViolations = { new CreditListEntry { Reason = "故意侵犯知识产权，严重危害人民群众身体健康和生命安全", ListedDate = "2022-12-27", RemovedDate = removedDate, DecidingAuthority = "上海市市场监督管理局" } },
        };
        return facts;
    }

    [Fact]
    public async Task An_investor_who_represents_a_listed_enterprise_is_refused_market_entry_naming_the_entry()
    {
        var findings = await new MarketEntryCreditRule().CheckAsync(Cases.For(Cases.Establishment, ListedRepresentative(), Shareholder, Representative), Ct);

        var finding = Assert.Single(findings);
        Assert.Equal((FindingSeverity.Blocking, "shareholder", Representative), (finding.Severity, finding.Role, finding.HolderId));
        Assert.Contains(finding.Evidence, e => e.Name == "作出决定机关" && e.Value == "上海市市场监督管理局");
        Assert.Contains(finding.Evidence, e => e.Name == "列入日期" && e.Value == "2022-12-27");
        Assert.Contains(finding.Evidence, e => e.Name == "企业" && e.Value.Contains(Listed, StringComparison.Ordinal));
        Assert.Equal(("MARKET-REGULATION", SharedResources.CreditStatus), (finding.SourceDepartment, finding.ResourceCode));
        Assert.Contains("国发〔2016〕33号", finding.LegalBasis);
    }

    [Fact]
    public async Task A_listing_since_removed_restricts_nothing()
    {
        var findings = await new MarketEntryCreditRule().CheckAsync(Cases.For(Cases.Establishment, ListedRepresentative("2024-01-01"), Shareholder, Representative), Ct);

        Assert.Empty(findings);
    }

    [Fact]
    public async Task An_abnormal_operations_listing_is_a_warning()
    {
        var facts = ListedRepresentative();
        facts.Credit[Listed] = new GetCreditStatusResponse
        {
            AbnormalOperations = { new CreditListEntry { Reason = "未按照规定的期限公示年度报告", ListedDate = "2025-07-01", DecidingAuthority = "上海市浦东新区市场监督管理局" } },
        };

        var finding = Assert.Single(await new MarketEntryCreditRule().CheckAsync(Cases.For(Cases.Establishment, facts, Representative, Shareholder), Ct));

        Assert.Equal(FindingSeverity.Warning, finding.Severity);
    }

    [Theory]
    [InlineData(SharedResources.RepresentedEnterprises)]
    [InlineData(SharedResources.CreditStatus)]
    public async Task Credit_data_not_shared_is_a_cannot_check_naming_the_resource(string resource)
    {
        var facts = ListedRepresentative();
        facts.NotShared.Add(resource);

        var findings = await new MarketEntryCreditRule().CheckAsync(Cases.For(Cases.Establishment, facts, Representative, Shareholder), Ct);

        Assert.NotEmpty(findings);
        Assert.All(findings, f => Assert.Equal((FindingSeverity.CannotCheck, resource), (f.Severity, f.ResourceCode)));
        Assert.Contains(findings, f => f.HolderId == Representative);
    }

    [Fact]
    public async Task The_representative_of_a_revoked_enterprise_is_a_warning_under_company_law_178()
    {
        var facts = new FakeFacts();
        facts.Represented[Representative] = [new Enterprise { CreditCode = "91330106MAYWJ17WW3", Name = "杭州西湖润泽科技有限公司", Status = EnterpriseStatus.Revoked }];

        var finding = Assert.Single(await new RevokedEnterpriseRepresentativeRule().CheckAsync(Cases.For(Cases.Establishment, facts, Representative, Shareholder), Ct));

        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.Contains("第一百七十八条", finding.LegalBasis);
        Assert.Contains(finding.Evidence, e => e.Name == "登记状态" && e.Value == "吊销");
    }

    [Fact]
    public async Task A_change_registration_shows_the_enterprises_own_listing_and_is_stopped_when_it_no_longer_exists()
    {
        var facts = ListedRepresentative();
        facts.Credit[Applying] = facts.Credit[Listed];
        facts.Enterprises[Applying] = new Enterprise { CreditCode = Applying, Name = "申请企业", Status = EnterpriseStatus.Revoked };

        var findings = await new EnterpriseListingRule().CheckAsync(Cases.For(Cases.Change, facts, Applying, Shareholder), Ct);

        Assert.Contains(findings, f => f.Severity == FindingSeverity.Blocking && f.Title == "申请企业已不存续");
        Assert.Contains(findings, f => f.Severity == FindingSeverity.Warning && f.Title == "申请企业被列入严重违法失信名单"
                                       && f.Evidence.Any(e => e.Name == "列入日期" && e.Value == "2022-12-27"));
    }

    [Fact]
    public void A_rule_applies_to_the_service_items_that_list_it_and_identity_to_every_item()
    {
        Assert.False(new MarketEntryCreditRule().AppliesTo(Cases.Marriage));
        Assert.True(new MarketEntryCreditRule().AppliesTo(Cases.Item("ANY-NEW-ITEM", ["CREDIT-MARKET-ENTRY"])));
        Assert.False(new MarriageStatusRule().AppliesTo(Cases.Establishment));
        Assert.True(new PartyIdentityRule().AppliesTo(Cases.Item("ANY-NEW-ITEM", [])));
    }

    [Fact]
    public void Every_rule_the_admin_UI_offers_is_one_the_gateway_runs_and_the_other_way_round()
    {
        using var provider = new ServiceCollection().AddMaterialRules().BuildServiceProvider();
        var registered = provider.GetServices<IMaterialRule>().Select(r => r.Code).Order(StringComparer.Ordinal);

        Assert.Equal(MaterialRuleNames.All.Select(r => r.Code).Order(StringComparer.Ordinal), registered);
    }

}

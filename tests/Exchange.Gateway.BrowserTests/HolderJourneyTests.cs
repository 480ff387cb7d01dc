using Exchange.ExchangeContext;
using Exchange.Protos.Licence.V1;
using Exchange.Protos.PublicSecurity.V1;
using Exchange.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Exchange.Gateway.BrowserTests;

/// <summary>
/// The holder's whole journey on a 390 px phone, against a real Exchange: sign in, my licences, a presentation code
/// used at the clerk page, who used my data with verified inclusion proofs, an objection raised to a data item a
/// department received, flagged to that consumer while open, answered by the provider's reviewer in the admin UI, and
/// the answer seen by the holder. Screenshots of every step are kept.
/// </summary>
public sealed class HolderJourneyTests(ClerkPageFixture fixture)
{
    // Objections reach the gateway's flags in milliseconds; the bound is for a machine at load 30.
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_citizen_shows_a_licence_sees_who_used_their_data_and_has_a_wrong_item_corrected()
    {
        var (husband, _) = ClerkPageTests.Couples()[42];
        await GetResidentAsync(husband);

        var phone = await fixture.PortalSignedInAsync(husband);
        await BrowserFixture.ScreenshotAsync(phone, "journey-1-my-licences");
        await BrowserFixture.AssertNoSidewaysScrollAsync(phone, "我的证照");

        await phone.Locator("[data-testid=licence]").Filter(new() { HasText = "居民身份证" }).Locator("[data-testid=present]").ClickAsync();
        await phone.CheckAsync("[data-testid=item-name]");
        await phone.ClickAsync("[data-testid=make-code]");
        var code = (await phone.Locator("[data-testid=presentation-code]").InnerTextAsync()).Trim();
        await BrowserFixture.ScreenshotAsync(phone, "journey-2-presentation-code");
        var clerk = await fixture.SignedInPageAsync();
        await ClerkPageTests.LookUpAsync(clerk, code);
        Assert.Equal("有效", await clerk.Locator("[data-testid=status]").InnerTextAsync());
        await BrowserFixture.ScreenshotAsync(clerk, "journey-3-clerk-presentation");

        Assert.True((await fixture.Audit.VerifyAuditChainAsync(new Exchange.Protos.Audit.V1.VerifyAuditChainRequest())).Intact);
        await phone.ClickAsync("a[href='/usage']");
        var use = phone.Locator("[data-testid=use]").Filter(new() { HasText = "居民户籍基本信息" }).First;
        await Expect(use.Locator("[data-testid=proof]")).ToContainTextAsync("已核对");
        await Expect(use.Locator("[data-testid=use-items]")).ToContainTextAsync("出生日期");
        Assert.DoesNotContain("birth_date", await phone.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        var ownCode = phone.Locator("[data-testid=use]").Filter(new() { HasText = "持证人亮证授权" });
        await Expect(ownCode.Locator("[data-testid=use-department]")).ToHaveTextAsync("您本人（政务服务门户）");
        await Expect(ownCode.Locator("[data-testid=object]")).ToHaveCountAsync(0);
        await BrowserFixture.AssertNoSidewaysScrollAsync(phone, "谁用了我的数据");
        await BrowserFixture.ScreenshotAsync(phone, "journey-4-usage-proved");

        await use.Locator("[data-testid=object]").ClickAsync();
        await phone.CheckAsync("[data-testid=object-birth_date]");
        await phone.FillAsync("[data-testid=reason]", "出生日期有误，应为 1988 年 12 月 16 日");
        await BrowserFixture.ScreenshotAsync(phone, "journey-5-objection-form");
        await phone.ClickAsync("[data-testid=raise]");
        await Expect(phone.GetByTestId("raised")).ToContainTextAsync("公安厅");
        var mine = phone.Locator("[data-testid=objection]").First;
        await Expect(mine.Locator("[data-testid=objection-state]")).ToHaveTextAsync("处理中");
        await Expect(mine.Locator("[data-testid=objection-items]")).ToHaveTextAsync("出生日期");
        var id = await mine.GetAttributeAsync("data-id");
        await BrowserFixture.AssertNoSidewaysScrollAsync(phone, "数据异议");
        await BrowserFixture.ScreenshotAsync(phone, "journey-6-objection-open");

        await Eventually.WithinAsync(Bound, async () => (await GetResidentAsync(husband))?.Contains("birth_date", StringComparison.Ordinal) == true,
            "the open objection flags civil affairs' answers carrying the item");

        var reviewer = await fixture.ReviewerSignedInAsync();
        await reviewer.GotoAsync(new Uri(fixture.Cluster.Catalog.WebAddress!, "admin/objections").ToString());
        var row = reviewer.Locator($"tr[data-id='{id}']");
        await Expect(row).ToContainTextAsync("待处理");
        await row.GetByRole(AriaRole.Link, new() { Name = "处理" }).ClickAsync();
        await reviewer.FillAsync("#correct-answer", "已按户籍档案将出生日期更正为 1988 年 12 月 16 日");
        await reviewer.ClickAsync("[data-testid=correct]");
        await Expect(reviewer.GetByTestId("objection-state")).ToHaveTextAsync("已更正");
        await BrowserFixture.ScreenshotAsync(reviewer, "journey-7-provider-corrects");
        await Eventually.WithinAsync(Bound, async () => await GetResidentAsync(husband) is null, "the answer clears the flag");

        await phone.ClickAsync("a[href='/objections']");
        await Expect(phone.Locator($"[data-testid=objection][data-id='{id}'] [data-testid=objection-state]")).ToHaveTextAsync("已更正");
        await Expect(phone.Locator($"[data-testid=objection][data-id='{id}'] [data-testid=objection-answer]")).ToContainTextAsync("12 月 16 日");
        await BrowserFixture.ScreenshotAsync(phone, "journey-8-objection-answered");
    }

    /// <summary>Civil affairs reads the resident, as for a marriage registration; returns the objection flag on the answer, if any.</summary>
    private async Task<string?> GetResidentAsync(string citizenId)
    {
        var client = new PopulationService.PopulationServiceClient(fixture.Cluster.GatewayCallsAs(ExchangeClients.CivilAffairs));
        using var call = client.GetResidentAsync(new GetResidentRequest { CitizenId = citizenId });
        await call.ResponseAsync;
        var flag = call.GetTrailers().GetValue(ExchangeMetadata.Objections);
        return flag is null ? null : ExchangeMetadata.PercentDecode(flag);
    }
}

using Exchange.Protos.Licence.V1;
using Exchange.SyntheticData;
using Exchange.Testing;

namespace Exchange.Gateway.BrowserTests;

/// <summary>A citizen signs in to the holders' portal on a phone and sees their licences, in Chromium, against real issuers.</summary>
public sealed class PortalPageTests(ClerkPageFixture fixture)
{
    private static readonly SyntheticPopulation Population = SyntheticPopulation.Generate();

    [Fact]
    public async Task A_citizen_signs_in_with_a_one_time_code_and_sees_every_licence_of_theirs_with_its_status()
    {
        var (husband, _) = Couple(20);
        var marriage = (await CompleteListAsync(husband)).Licences.Single(l => l.TypeCode == "MARC");
        await fixture.CivilAffairs.RevokeAsync(new RevokeRequest { LicenceNumber = marriage.LicenceNumber, Reason = "婚姻登记被依法撤销" });

        var page = await fixture.PortalSignedInAsync(husband, screenshot: "portal-signin-code");

        Assert.Equal(husband, await page.Locator("[data-testid=holder]").InnerTextAsync());
        var identityCard = page.Locator("[data-testid=licence]").Filter(new() { HasText = "居民身份证" });
        Assert.Equal("有效", await identityCard.Locator("[data-testid=licence-status]").InnerTextAsync());
        var revoked = page.Locator($"[data-testid=licence][data-number='{marriage.LicenceNumber}']");
        Assert.Equal("已注销", await revoked.Locator("[data-testid=licence-status]").InnerTextAsync());
        Assert.Contains("婚姻登记被依法撤销", await revoked.Locator("[data-testid=licence-why]").InnerTextAsync());
        await BrowserFixture.AssertNoSidewaysScrollAsync(page, "我的证照");
        await BrowserFixture.ScreenshotAsync(page, "portal-my-licences");
    }

    [Fact]
    public async Task A_citizen_sees_who_used_their_data_each_record_proved_against_the_witnessed_checkpoint()
    {
        var (_, wife) = Couple(22);
        await fixture.CivilAffairs.ListByHolderAsync(new ListByHolderRequest { HolderId = wife });
        var page = await fixture.PortalSignedInAsync(wife);
        // Verifying the log checkpoints what is stored and has the catalog witness it, as the schedule would soon.
        Assert.True((await fixture.Audit.VerifyAuditChainAsync(new Exchange.Protos.Audit.V1.VerifyAuditChainRequest())).Intact);

        await page.ClickAsync("a[href='/usage']");
        await page.WaitForSelectorAsync("[data-testid=usage]");

        Assert.Contains("见证检查点", await page.Locator("[data-testid=checkpoint]").InnerTextAsync());
        var civilAffairs = page.Locator("[data-testid=use]").Filter(new() { HasText = "民政厅" }).First;
        Assert.Contains("已核对", await civilAffairs.Locator("[data-testid=proof]").InnerTextAsync());
        Assert.Contains("TEST-2026-000001", await civilAffairs.InnerTextAsync());
        var portal = page.Locator("[data-testid=use]").Filter(new() { HasText = "政务服务门户" }).First;
        Assert.Contains("已核对", await portal.Locator("[data-testid=proof]").InnerTextAsync());
        await BrowserFixture.AssertNoSidewaysScrollAsync(page, "谁用了我的数据");
        await BrowserFixture.ScreenshotAsync(page, "portal-usage-proved");
    }

    [Fact]
    public async Task A_wrong_code_is_refused_and_the_holder_stays_signed_out()
    {
        var (_, wife) = Couple(21);
        var page = await fixture.NewPageAsync(BrowserFixture.PhoneWidth);
        await page.GotoAsync(fixture.PortalAddress.ToString());
        await page.FillAsync("[data-testid=holder-id]", wife);
        await page.ClickAsync("[data-testid=send-code]");
        var code = await HolderSignIn.CodeFromLogAsync(fixture.Cluster.Catalog, wife);
        await page.FillAsync("[data-testid=code]", code == "000000" ? "111111" : "000000");
        await page.ClickAsync("[data-testid=verify-code]");

        Assert.Contains("验证码错误", await page.Locator("[data-testid=signin-problem]").InnerTextAsync());
        Assert.Equal(0, await page.Locator("[data-testid=licences]").CountAsync());
        await BrowserFixture.ScreenshotAsync(page, "portal-wrong-code");
    }

    /// <summary>The holder's licences once every issuer has answered (a loaded machine can make one miss its timeout).</summary>
    private async Task<ListByHolderResponse> CompleteListAsync(string holderId)
    {
        ListByHolderResponse? answer = null;
        await Eventually.WithinAsync(TimeSpan.FromSeconds(60), async () =>
        {
            answer = await fixture.CivilAffairs.ListByHolderAsync(new ListByHolderRequest { HolderId = holderId });
            return answer.Complete;
        }, $"every issuer answers for {holderId}");
        return answer!;
    }

    private static (string Husband, string Wife) Couple(int index)
    {
        var registrations = Population.MarriageRegistrations;
        return registrations
            .Where(m => m.Kind == MarriageRegistrationKind.Marriage)
            .Where(m => registrations.Count(o => o.HusbandCitizenId == m.HusbandCitizenId || o.WifeCitizenId == m.WifeCitizenId) == 1)
            .Select(m => (m.HusbandCitizenId, m.WifeCitizenId))
            .ElementAt(index);
    }
}

using System.Text.RegularExpressions;
using Exchange.Licences;
using Exchange.Protos.Licence.V1;
using Exchange.SyntheticData;
using Exchange.Testing;
using Microsoft.Playwright;

namespace Exchange.Gateway.BrowserTests;

/// <summary>
/// The clerk page usable without training (issue 15): the certificate's own titles, order and units, names instead
/// of codes, Beijing time, lapsed licences said as such; at desktop width and on a phone. Case numbers as written in
/// the audit log are <see cref="AuditCaseNumberTests"/>.
/// </summary>
public sealed partial class ClerkPageUsabilityTests(ClerkPageFixture fixture)
{
    private static readonly SyntheticPopulation Population = SyntheticPopulation.Generate();

    public static TheoryData<int> Widths => [BrowserFixture.DesktopWidth, BrowserFixture.PhoneWidth];

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task A_marriage_certificate_shows_its_items_in_the_certificates_order_with_names_and_Beijing_time(int width)
    {
        var licence = await fixture.MarriageCertificateAsync(couple: 10);
        var page = await fixture.SignedInPageAsync(width);

        await ClerkPageTests.LookUpAsync(page, licence.LicenceNumber);

        Assert.Equal("民政厅", await page.Locator("[data-testid=clerk-department]").InnerTextAsync());
        Assert.Equal("持证人", await page.Locator("[data-testid=holder-title]").InnerTextAsync());
        var titles = await page.Locator("[data-testid=items] th").AllInnerTextsAsync();
        Assert.Equal(["登记日期", "结婚证字号", "男方姓名", "男方身份证件号", "女方姓名", "女方身份证件号", "登记机关"], titles);
        Assert.Matches(BeijingTimeText(), await page.Locator("[data-testid=checked-at]").InnerTextAsync());
        Assert.DoesNotContain("CIVIL-AFFAIRS", await page.Locator("body").InnerTextAsync());
        await AssertFitsAsync(page, $"clerk-marriage-certificate-{width}", accessibility: width == BrowserFixture.DesktopWidth);
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task A_social_organisation_is_named_not_a_person_and_its_business_scope_is_called_so(int width)
    {
        var organisation = Population.SocialOrganizations.First(o => o.Status == SocialOrganizationStatus.Active);
        var licence = (await fixture.CivilAffairs.ListByHolderAsync(new ListByHolderRequest { HolderId = organisation.CreditCode })).Licences.Single(l => l.TypeCode == "SORC");
        var page = await fixture.SignedInPageAsync(width);

        await ClerkPageTests.LookUpAsync(page, licence.LicenceNumber);

        Assert.Equal("名称", await page.Locator("[data-testid=holder-title]").InnerTextAsync());
        var titles = await page.Locator("[data-testid=items] th").AllInnerTextsAsync();
        Assert.Equal("证书类别", titles[0]);
        Assert.Contains("业务范围", titles);
        Assert.Contains("住所", titles);
        Assert.DoesNotContain("经营范围", titles);
        Assert.DoesNotContain("姓名", titles);
        var text = await page.Locator("[data-testid=licence]").InnerTextAsync();
        Assert.DoesNotContain("certificate_kind", text);
        Assert.DoesNotContain("registered_date", text);
        await AssertFitsAsync(page, $"clerk-social-organisation-{width}", accessibility: width == BrowserFixture.DesktopWidth);
    }

    [Fact]
    public async Task A_holder_whose_only_licence_was_revoked_is_told_it_was_revoked_and_why()
    {
        var organisation = Population.SocialOrganizations.Where(o => o.Status == SocialOrganizationStatus.Active).Skip(1).First();
        var licence = (await fixture.CivilAffairs.ListByHolderAsync(new ListByHolderRequest { HolderId = organisation.CreditCode })).Licences.Single(l => l.TypeCode == "SORC");
        await fixture.CivilAffairs.RevokeAsync(new RevokeRequest { LicenceNumber = licence.LicenceNumber, Reason = "社会组织已注销登记" });
        var page = await fixture.SignedInPageAsync();

        await ClerkPageTests.LookUpAsync(page, organisation.CreditCode);

        var problem = await page.Locator("[data-testid=problem]").InnerTextAsync();
        Assert.Contains("名下没有有效的电子证照", problem);
        Assert.Contains($"{licence.LicenceNumber} 已于", problem);
        Assert.Contains("撤销", problem);
        Assert.Contains("社会组织已注销登记", problem);
        await BrowserFixture.ScreenshotAsync(page, "clerk-holder-revoked-only");
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task A_forged_QR_says_not_passed_because_the_signature_does_not_match_and_shows_nothing(int width)
    {
        var licence = await fixture.MarriageCertificateAsync(couple: 11);
        var forged = licence.Clone();
        forged.HolderName = "冒名顶替";
        var page = await fixture.SignedInPageAsync(width);

        await ClerkPageTests.LookUpAsync(page, LicenceQrPayload.Encode(forged));

        Assert.Equal("不通过", await page.Locator("[data-testid=status]").InnerTextAsync());
        Assert.Equal("不通过（签名不符）", await page.Locator("[data-testid=signature]").InnerTextAsync());
        Assert.Contains("签名不符", await page.Locator("[data-testid=verdict]").InnerTextAsync());
        Assert.DoesNotContain("无法确认", await page.Locator("body").InnerTextAsync());
        Assert.DoesNotContain("冒名顶替", await page.ContentAsync());
        Assert.Equal(0, await page.Locator("[data-testid=items]").CountAsync());
        await AssertFitsAsync(page, $"clerk-forged-qr-{width}", accessibility: width == BrowserFixture.DesktopWidth);
    }

    /// <summary>Which case numbers are refused is Exchange.Gateway.UnitTests' Clerk/ClerkPageTests; here how the refusal looks on a phone.</summary>
    [Fact]
    public async Task A_missing_case_number_is_shown_at_the_field_on_a_phone()
    {
        var licence = await fixture.MarriageCertificateAsync(couple: 14);
        var page = await fixture.SignedInPageAsync(BrowserFixture.PhoneWidth);

        await ClerkPageTests.LookUpAsync(page, licence.LicenceNumber, caseNumber: "");

        Assert.Contains("请填写办件编号", await page.Locator("[data-testid=case-problem]").InnerTextAsync());
        await AssertFitsAsync(page, "clerk-case-problem-0");
    }

    [Fact]
    public async Task A_failed_sign_in_is_logged_and_the_sign_in_page_is_accessible_on_a_phone()
    {
        var page = await fixture.NewPageAsync(BrowserFixture.PhoneWidth);
        await page.GotoAsync(fixture.PageAddress.ToString());
        await BrowserFixture.AssertAccessibleAsync(page, "clerk sign-in");
        await BrowserFixture.AssertNoSidewaysScrollAsync(page, "clerk sign-in");
        var stranger = "stranger-" + Guid.NewGuid().ToString("N")[..8];
        using var gatewayLog = fixture.Cluster.Gateway.CaptureLog();

        await page.FillAsync("#UserName", stranger);
        await page.FillAsync("#Password", "wrong-password");
        await page.ClickAsync("button[type=submit]");
        await page.Locator("[data-testid=signin-error]").WaitForAsync();
        await BrowserFixture.ScreenshotAsync(page, "clerk-signin-failed-390");

        // The gateway's log reaches the test through its standard output, later on a loaded machine; the tests running
        // beside this one log too, so it looks at what the gateway logged from the sign-in on, not at the last lines.
        await Eventually.WithinAsync(TimeSpan.FromSeconds(60),
            () => Task.FromResult(gatewayLog.Lines.Any(line => line.Contains($"Clerk sign-in failed for {stranger}", StringComparison.Ordinal))),
            "the failed sign-in is logged");
    }

    /// <summary>No sideways scrolling, the QR code inside its card, no serious accessibility violation; and a screenshot.</summary>
    /// <remarks>
    /// The tests run at both widths check accessibility at desktop width only: the narrow layout stacks the same
    /// elements (no colour, name or role changes with the width), so axe finds the same at both; the layout checks,
    /// which do depend on the width, run at both.
    /// </remarks>
    private static async Task AssertFitsAsync(IPage page, string name, bool accessibility = true)
    {
        await BrowserFixture.ScreenshotAsync(page, name);
        await BrowserFixture.AssertNoSidewaysScrollAsync(page, name);
        var qr = page.Locator("[data-testid=qr]");
        if (await qr.CountAsync() > 0)
        {
            var image = (await qr.BoundingBoxAsync())!;
            var card = (await page.Locator("[data-testid=licence]").BoundingBoxAsync())!;
            Assert.True(image.X >= card.X && image.X + image.Width <= card.X + card.Width, $"{name}: the QR code spills out of its card");
        }
        if (accessibility)
            await BrowserFixture.AssertAccessibleAsync(page, name);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}（北京时间）$")]
    private static partial Regex BeijingTimeText();
}

using Exchange.Testing;
using Microsoft.Playwright;

namespace Exchange.Gateway.BrowserTests;

/// <summary>
/// A marriage registration clerk checks the applicants before accepting (受理前核查), in Chromium: exempt and required
/// materials, the findings of the shared data, and the acceptance slip (受理回执) that prints alone.
/// </summary>
public sealed class ClerkMaterialsPageTests(ClerkPageFixture fixture)
{
    private async Task<IPage> CheckAsync(string man, string woman, string caseNumber)
    {
        var page = await fixture.SignedInPageAsync();
        await page.ClickAsync("[data-testid=materials-link]");
        await page.SelectOptionAsync("[data-testid=item]", "CA-MARRIAGE-REGISTRATION");
        await page.ClickAsync("[data-testid=choose]");
        await page.FillAsync("[data-testid=holder-applicant]", man);
        await page.FillAsync("[data-testid=holder-spouse]", woman);
        await page.FillAsync("[data-testid=case]", caseNumber);
        await page.ClickAsync("[data-testid=check]");
        await page.WaitForSelectorAsync("[data-testid=verdict], [data-testid=problem], [data-testid=case-problem]");
        return page;
    }

    [Fact]
    public async Task An_eligible_pair_is_accepted_and_the_slip_lists_the_exempt_materials_with_their_sources()
    {
        var page = await CheckAsync("33010819920126201X", "33010620010302554X", "民婚字(2026)第777号");

        Assert.StartsWith("可以受理", await page.InnerTextAsync("[data-testid=verdict]"));
        Assert.Equal(4, await page.Locator("[data-testid=exempt] tr").CountAsync());
        Assert.Equal(2, await page.Locator("[data-testid=required] tr").CountAsync());
        var slip = page.Locator("[data-testid=slip]");
        var text = await slip.InnerTextAsync();
        Assert.Contains("民婚字(2026)第777号", text); // the case as the department writes it, never renumbered
        Assert.Contains("唐皓轩", text);
        Assert.Contains("PS-RESIDENT-BASIC", text);
        Assert.Contains("公安厅", text); // the source department by name, as on a paper slip
        Assert.Equal(1, await page.Locator("[data-testid=print]").CountAsync());
        await BrowserFixture.ScreenshotAsync(page, "clerk-materials-accepted");

        // Printed, only the slip shows: the form and the clerk's result are for the screen.
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        Assert.False(await page.Locator("[data-testid=result]").IsVisibleAsync());
        Assert.True(await slip.IsVisibleAsync());
        await BrowserFixture.ScreenshotAsync(page, "clerk-materials-slip-print");
    }

    [Fact]
    public async Task A_couple_already_married_is_refused_with_the_registration_as_evidence_and_no_slip()
    {
        var page = await CheckAsync("330106198812153739", "420106198511225649", "CA-2026-000778");

        Assert.StartsWith("不予受理", await page.InnerTextAsync("[data-testid=verdict]"));
        var finding = page.Locator("[data-testid=finding][data-rule=MARRIAGE-NOT-MARRIED]").First;
        Assert.Contains("双方已登记结婚", await finding.InnerTextAsync());
        Assert.Contains("结婚证字号", await finding.InnerTextAsync());
        Assert.Equal(0, await page.Locator("[data-testid=slip]").CountAsync());
        await BrowserFixture.ScreenshotAsync(page, "clerk-materials-refused");
    }

    [Fact]
    public async Task Without_a_case_number_the_clerk_is_told_and_nothing_is_checked()
    {
        var page = await CheckAsync("33010819920126201X", "33010620010302554X", "");

        Assert.False(string.IsNullOrWhiteSpace(await page.InnerTextAsync("[data-testid=case-problem]")));
        Assert.Equal(0, await page.Locator("[data-testid=verdict]").CountAsync());
    }
}

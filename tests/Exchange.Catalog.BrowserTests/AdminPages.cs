using Exchange.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Exchange.Catalog.BrowserTests;

/// <summary>What the tests do on the admin pages, the way a person would.</summary>
public static class AdminPages
{
    /// <summary>
    /// A browser tab signed in as <paramref name="account"/>, on <paramref name="path"/> (by default the resource list,
    /// where the sign-in lands). The first time for an account it signs in through the form; later tabs get that
    /// session's cookies and open <paramref name="path"/> directly, as a second tab of the same browser would
    /// (SignInTests cover the form itself): two or three page loads fewer per test.
    /// </summary>
    public static async Task<IPage> SignedInAsync(AdminUiFixture fixture, string account, int width = BrowserFixture.DesktopWidth, string path = "resources")
    {
        if (fixture.SessionOf(account) is { } session)
        {
            var tab = await fixture.NewPageAsync(width, session);
            await tab.GotoAsync(Url(fixture, path));
            await Expect(tab.GetByTestId("signed-in-user")).ToHaveTextAsync(account);
            return tab;
        }
        var page = await fixture.NewPageAsync(width);
        await SignInAsync(page, fixture, account, fixture.PasswordOf(account));
        await Expect(page.GetByTestId("signed-in-user")).ToHaveTextAsync(account);
        fixture.KeepSession(account, await BrowserSession.OfAsync(page));
        if (path != "resources")
            await page.GotoAsync(Url(fixture, path));
        return page;
    }

    public static async Task SignInAsync(IPage page, AdminUiFixture fixture, string account, string password)
    {
        await page.GotoAsync(Url(fixture, "signin"));
        await page.FillAsync("#UserName", account);
        await page.FillAsync("#Password", password);
        await page.ClickAsync("button[type=submit]");
    }

    /// <summary>
    /// Opens again, with <paramref name="open"/>, a page that shows what the gateway answered (audit records,
    /// statistics) until <paramref name="answered"/>. The catalog asks the gateway with a deadline (10 s for statistics,
    /// 15 s for the audit log) and on a loaded machine a gateway can miss it; the page then names that gateway instead
    /// of showing its records, which is right for the page and no answer for the test.
    /// </summary>
    public static async Task UntilTheGatewayAnswersAsync(IPage page, Func<Task> open, Func<Task<bool>> answered)
    {
        var attempts = 0;
        await Eventually.WithinAsync(TimeSpan.FromMinutes(2), async () =>
        {
            if (attempts++ > 0)
                await open();
            await page.WaitForLoadStateAsync();
            return await answered();
        }, $"the gateway answered {page.Url}");
    }

    /// <summary>The statistics page heard from the fixture's gateway (its second one, <see cref="AdminUiFixture.DownGateway"/>, never answers).</summary>
    public static async Task<bool> StatisticsAnsweredAsync(IPage page) =>
        (await page.GetByTestId("statistics-window").InnerTextAsync()).Contains("1 / 2 个网关已响应", StringComparison.Ordinal);

    /// <summary>The audit page shows the gateway's records, not that it could not be asked.</summary>
    public static async Task<bool> AuditAnsweredAsync(IPage page) => await page.GetByTestId("audit-error").CountAsync() == 0;

    /// <summary>
    /// Axe runs once per page, at desktop width: the admin pages have no script, and the narrow layout (admin.css,
    /// max-width 760px) only stacks boxes and lets wide tables scroll inside their focusable box; it changes no colour,
    /// name, role or label. What does depend on the width, sideways scrolling, is checked at both, each with a screenshot
    /// (the same tab, resized).
    /// </summary>
    public static async Task AssertAccessibleAndFitsBothWidthsAsync(IPage page, string name)
    {
        await BrowserFixture.AssertAccessibleAsync(page, name);
        foreach (var width in new[] { BrowserFixture.DesktopWidth, BrowserFixture.PhoneWidth })
        {
            await page.SetViewportSizeAsync(width, BrowserFixture.HeightFor(width));
            await BrowserFixture.ScreenshotAsync(page, $"{name}-{width}");
            await BrowserFixture.AssertNoSidewaysScrollAsync(page, $"{name} at {width} px");
        }
    }

    /// <summary>The admin page at <paramref name="path"/>, signed in as the administrator, checked as above; its screenshots are named after the path.</summary>
    public static async Task AssertPageAccessibleAndFitsBothWidthsAsync(AdminUiFixture fixture, string path)
    {
        var page = await SignedInAsync(fixture, AdminUiFixture.Admin, path: path);
        await AssertAccessibleAndFitsBothWidthsAsync(page, $"admin-{path.Replace('/', '-').Replace('?', '-').Replace('=', '-')}");
    }

    public static string Url(AdminUiFixture fixture, string path) => new Uri(fixture.AdminAddress, path).ToString();

    /// <summary>The message shown next to a form field.</summary>
    public static ILocator FieldError(IPage page, string field) => page.Locator($"span[data-valmsg-for='{field}']");
}

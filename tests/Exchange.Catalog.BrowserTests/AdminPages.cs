using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Exchange.Catalog.BrowserTests;

/// <summary>What the tests do on the admin pages, the way a person would.</summary>
public static class AdminPages
{
    /// <summary>
    /// A browser tab signed in as <paramref name="account"/>, on the page the sign-in lands on (the resource list). The
    /// first time for an account it signs in through the form; later tabs start with that session's cookies, as a
    /// second tab of the same browser would (SignInTests cover the form itself): two page loads fewer per test.
    /// </summary>
    public static async Task<IPage> SignedInAsync(AdminUiFixture fixture, string account, int width = Exchange.Testing.BrowserFixture.DesktopWidth)
    {
        if (fixture.SessionOf(account) is { } session)
        {
            var tab = await fixture.NewPageAsync(width, session);
            await tab.GotoAsync(Url(fixture, "resources"));
            await Expect(tab.GetByTestId("signed-in-user")).ToHaveTextAsync(account);
            return tab;
        }
        var page = await fixture.NewPageAsync(width);
        await SignInAsync(page, fixture, account, fixture.PasswordOf(account));
        await Expect(page.GetByTestId("signed-in-user")).ToHaveTextAsync(account);
        fixture.KeepSession(account, await page.Context.StorageStateAsync());
        return page;
    }

    public static async Task SignInAsync(IPage page, AdminUiFixture fixture, string account, string password)
    {
        await page.GotoAsync(Url(fixture, "signin"));
        await page.FillAsync("#UserName", account);
        await page.FillAsync("#Password", password);
        await page.ClickAsync("button[type=submit]");
    }

    public static string Url(AdminUiFixture fixture, string path) => new Uri(fixture.AdminAddress, path).ToString();

    /// <summary>The message shown next to a form field.</summary>
    public static ILocator FieldError(IPage page, string field) => page.Locator($"span[data-valmsg-for='{field}']");
}

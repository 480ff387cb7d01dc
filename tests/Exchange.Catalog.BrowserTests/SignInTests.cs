using Exchange.Testing;
using static Microsoft.Playwright.Assertions;

namespace Exchange.Catalog.BrowserTests;

/// <summary>
/// Signing in and out through the form, in the browser: the cookies it keeps and drops. The sign-in rules (wrong
/// password, lock-out, antiforgery, what a reviewer may open) are Exchange.Catalog.UnitTests' Admin/Pages/SignInPageTests, in process.
/// </summary>
public sealed class SignInTests(AdminUiFixture fixture)
{
    [Fact]
    public async Task The_right_password_signs_in_and_signing_out_ends_the_session()
    {
        var page = await fixture.NewPageAsync();
        await AdminPages.SignInAsync(page, fixture, AdminUiFixture.Admin, fixture.PasswordOf(AdminUiFixture.Admin));
        await Expect(page.GetByTestId("signed-in-user")).ToHaveTextAsync(AdminUiFixture.Admin);
        Assert.EndsWith("/admin/resources", page.Url, StringComparison.Ordinal);

        await page.ClickAsync("text=退出登录");
        await Expect(page.Locator("h1")).ToHaveTextAsync("登录目录管理");
        await BrowserFixture.ScreenshotAsync(page, "signin");
        await page.GotoAsync(AdminPages.Url(fixture, "resources"));
        Assert.StartsWith(AdminPages.Url(fixture, "signin"), page.Url, StringComparison.Ordinal);
    }
}

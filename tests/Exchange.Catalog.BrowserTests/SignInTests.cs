using System.Net;
using Exchange.Protos.Catalog.V1;
using Exchange.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Exchange.Catalog.BrowserTests;

[Collection(AdminUiCollection.Name)]
public sealed class SignInTests(AdminUiFixture fixture)
{
    [Fact]
    public async Task Pages_need_a_signed_in_account()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(AdminPages.Url(fixture, "resources"));

        Assert.StartsWith(AdminPages.Url(fixture, "signin"), page.Url, StringComparison.Ordinal);
        await Expect(page.Locator("h1")).ToHaveTextAsync("登录目录管理");
    }

    [Fact]
    public async Task Wrong_password_is_refused_with_a_message_and_the_right_one_signs_in()
    {
        var page = await fixture.NewPageAsync();
        await AdminPages.SignInAsync(page, fixture, AdminUiFixture.Admin, "not-the-password");

        await Expect(page.GetByTestId("signin-error")).ToContainTextAsync("用户名或密码错误");
        await Expect(page.GetByTestId("signed-in-user")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(page, "signin-wrong-password");

        await AdminPages.SignInAsync(page, fixture, AdminUiFixture.Admin, fixture.PasswordOf(AdminUiFixture.Admin));
        await Expect(page.GetByTestId("signed-in-user")).ToHaveTextAsync(AdminUiFixture.Admin);
        Assert.EndsWith("/admin/resources", page.Url, StringComparison.Ordinal);

        await page.ClickAsync("text=退出登录");
        await Expect(page.Locator("h1")).ToHaveTextAsync("登录目录管理");
        await page.GotoAsync(AdminPages.Url(fixture, "resources"));
        Assert.StartsWith(AdminPages.Url(fixture, "signin"), page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Account_is_locked_after_repeated_wrong_passwords_even_for_the_right_one()
    {
        var page = await fixture.NewPageAsync();
        for (var attempt = 1; attempt < AdminUiFixture.MaxFailedSignIns; attempt++)
        {
            await AdminPages.SignInAsync(page, fixture, AdminUiFixture.LockedOutAdmin, "wrong-" + attempt);
            await Expect(page.GetByTestId("signin-error")).ToContainTextAsync("用户名或密码错误");
        }
        await AdminPages.SignInAsync(page, fixture, AdminUiFixture.LockedOutAdmin, "wrong-again");
        await Expect(page.GetByTestId("signin-error")).ToContainTextAsync("账户已锁定");

        await AdminPages.SignInAsync(page, fixture, AdminUiFixture.LockedOutAdmin, fixture.PasswordOf(AdminUiFixture.LockedOutAdmin));
        await Expect(page.GetByTestId("signin-error")).ToContainTextAsync("账户已锁定");
        await Expect(page.GetByTestId("signed-in-user")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Form_posts_without_the_antiforgery_token_are_rejected_and_change_nothing()
    {
        var page = await AdminPages.SignedInAsync(fixture, AdminUiFixture.Admin);

        // The browser context's own cookies (session and antiforgery cookie) go along; only the form token is missing.
        var deprecate = await page.APIRequest.PostAsync(AdminPages.Url(fixture, "resources/MR-ENTERPRISE-BASIC?handler=Deprecate"),
            new APIRequestContextOptions { Form = page.APIRequest.CreateFormData(), MaxRedirects = 0 });
        var signIn = await page.APIRequest.PostAsync(AdminPages.Url(fixture, "signin"), new APIRequestContextOptions
        {
            Form = page.APIRequest.CreateFormData().Set("UserName", AdminUiFixture.Admin).Set("Password", fixture.PasswordOf(AdminUiFixture.Admin)),
            MaxRedirects = 0,
        });

        Assert.Equal((int)HttpStatusCode.BadRequest, deprecate.Status);
        Assert.Equal((int)HttpStatusCode.BadRequest, signIn.Status);
        var catalog = new CatalogService.CatalogServiceClient(fixture.Cluster.Catalog.Channel);
        var resource = (await catalog.GetResourceAsync(new GetResourceRequest { Code = "MR-ENTERPRISE-BASIC" })).Resource;
        Assert.Equal(ResourceState.Published, resource.State);

        // The same post with the page's token goes through, so the refusal above was the missing token.
        await page.GotoAsync(AdminPages.Url(fixture, "resources/MR-ENTERPRISE-BASIC"));
        var token = await page.Locator("form:has([data-testid=deprecate]) input[name=__RequestVerificationToken]").GetAttributeAsync("value");
        var withToken = await page.APIRequest.PostAsync(AdminPages.Url(fixture, "resources/MR-ENTERPRISE-BASIC?handler=Deprecate"),
            new APIRequestContextOptions { Form = page.APIRequest.CreateFormData().Set("__RequestVerificationToken", token!).Set("Confirmed", "true"), MaxRedirects = 0 });
        Assert.Equal((int)HttpStatusCode.Redirect, withToken.Status);
        await page.GotoAsync(AdminPages.Url(fixture, "resources/MR-ENTERPRISE-BASIC"));
        await page.ClickAsync("[data-testid=publish]");
        await Expect(page.Locator(".notice")).ToContainTextAsync("已发布 MR-ENTERPRISE-BASIC 第 2 版");
    }

    [Fact]
    public async Task Reviewer_cannot_edit_the_catalog_or_read_the_audit_log()
    {
        var page = await AdminPages.SignedInAsync(fixture, AdminUiFixture.CivilAffairsReviewer, path: "resources/PS-RESIDENT-BASIC/edit");
        await Expect(page.Locator("h1")).ToHaveTextAsync("无权访问");
        await page.GotoAsync(AdminPages.Url(fixture, "audit"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("无权访问");
        await page.GotoAsync(AdminPages.Url(fixture, "resources/PS-RESIDENT-BASIC"));
        await Expect(page.GetByTestId("publish")).ToHaveCountAsync(0);
    }
}

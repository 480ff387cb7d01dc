using System.Net;
using Exchange.Catalog.Domain;
using Exchange.Catalog.UnitTests.InProcess;
using Exchange.Protos.Catalog.V1;

namespace Exchange.Catalog.UnitTests.Admin.Pages;

/// <summary>Who may open and post the admin pages: the sign-in form, lock-out, antiforgery and the reviewer's limits.</summary>
public sealed class SignInPageTests(CatalogHost host)
{
    [Fact]
    public async Task Pages_need_a_signed_in_account()
    {
        using var session = AdminSession.Anonymous(host);

        var page = await session.GetAsync("resources");

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.StartsWith("/admin/signin", page.Location!.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal("登录目录管理", (await session.OpenAsync("resources")).Text("h1"));
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_message_and_signs_nobody_in()
    {
        using var session = AdminSession.Anonymous(host);

        var refused = await session.SignInAsync(CatalogHost.Admin, "not-the-password");

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("用户名或密码错误", refused.TestId("signin-error"), StringComparison.Ordinal);
        Assert.Equal(0, refused.Count("[data-testid=signed-in-user]"));
        Assert.Equal(HttpStatusCode.Redirect, (await session.GetAsync("resources")).Status);
    }

    [Fact]
    public async Task Account_is_locked_after_repeated_wrong_passwords_even_for_the_right_one()
    {
        using var session = AdminSession.Anonymous(host);
        for (var attempt = 1; attempt < CatalogHost.MaxFailedSignIns; attempt++)
            Assert.Contains("用户名或密码错误", (await session.SignInAsync(CatalogHost.LockedOutAdmin, "wrong-" + attempt)).TestId("signin-error"), StringComparison.Ordinal);

        Assert.Contains("账户已锁定", (await session.SignInAsync(CatalogHost.LockedOutAdmin, "wrong-again")).TestId("signin-error"), StringComparison.Ordinal);
        var right = await session.SignInAsync(CatalogHost.LockedOutAdmin, host.PasswordOf(CatalogHost.LockedOutAdmin));

        Assert.Contains("账户已锁定", right.TestId("signin-error"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, right.Status);
        Assert.Equal(HttpStatusCode.Redirect, (await session.GetAsync("resources")).Status);
    }

    [Fact]
    public async Task Form_posts_without_the_antiforgery_token_are_rejected_and_change_nothing()
    {
        var code = await PublishedResourceAsync("CA-TEST-ANTIFORGERY");
        using var session = await AdminSession.SignedInAsync(host, CatalogHost.Admin);
        var detail = await session.GetAsync($"resources/{code}");

        // The session's cookies (the sign-in and the antiforgery cookie) go along; only the form's token is missing.
        var deprecate = await session.PostAsync($"resources/{code}?handler=Deprecate", [KeyValuePair.Create("Confirmed", "true")]);
        var signIn = await session.PostAsync("signin", [KeyValuePair.Create("UserName", CatalogHost.Admin), KeyValuePair.Create("Password", host.PasswordOf(CatalogHost.Admin))]);

        Assert.Equal(HttpStatusCode.BadRequest, deprecate.Status);
        Assert.Equal(HttpStatusCode.BadRequest, signIn.Status);
        Assert.Equal(ResourceState.Published, (await PublishedAsync(code)).State);

        // The same post with the page's token goes through, so the refusal above was the missing token.
        var token = detail.Document.QuerySelector("form:has([data-testid=deprecate]) input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var withToken = await session.PostAsync($"resources/{code}?handler=Deprecate",
            [KeyValuePair.Create("__RequestVerificationToken", token), KeyValuePair.Create("Confirmed", "true")]);
        Assert.Equal(HttpStatusCode.Redirect, withToken.Status);
        Assert.Equal(ResourceState.Deprecated, (await PublishedAsync(code)).State);
    }

    [Fact]
    public async Task Reviewer_cannot_edit_the_catalog_or_read_the_audit_log()
    {
        using var session = await AdminSession.SignedInAsync(host, CatalogHost.CivilAffairsReviewer);

        Assert.Equal("无权访问", (await session.OpenAsync("resources/PS-RESIDENT-BASIC/edit")).Text("h1"));
        Assert.Equal("无权访问", (await session.OpenAsync("audit")).Text("h1"));
        var detail = await session.OpenAsync("resources/PS-RESIDENT-BASIC");
        Assert.Equal(HttpStatusCode.OK, detail.Status);
        Assert.Equal(0, detail.Count("[data-testid=publish]"));
    }

    private async Task<string> PublishedResourceAsync(string code)
    {
        var draft = new Resource
        {
            Code = code,
            Name = "防伪令牌测试资源",
            ProviderDepartmentCode = "CIVIL-AFFAIRS",
            ShareType = ShareType.Unconditional,
            GrpcService = "exchange.test.v1.TestService",
            Endpoint = "https://127.0.0.1:1",
        };
        draft.GrpcMethods.Add("GetOne");
        draft.DataItems.Add(new DataItem { Name = "name", Title = "姓名", Type = DataType.String });
        await host.WithAsync<ResourceCatalog, Resource>(catalog => catalog.CreateDraftAsync(draft, CancellationToken.None));
        await host.WithAsync<ResourceCatalog, Resource>(catalog => catalog.PublishAsync(code, CancellationToken.None));
        return code;
    }

    private Task<Resource> PublishedAsync(string code) =>
        host.WithAsync<ResourceCatalog, Resource>(catalog => catalog.GetAsync(code, version: 1, CancellationToken.None));
}

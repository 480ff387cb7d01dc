using Exchange.Protos.Catalog.V1;
using Exchange.Testing;
using Grpc.Core;
using static Microsoft.Playwright.Assertions;

namespace Exchange.Catalog.BrowserTests;

/// <summary>Bad input is refused with a message next to the field, and nothing of the submission is stored.</summary>
[Collection(AdminUiCollection.Name)]
public sealed class ResourceFormTests(AdminUiFixture fixture)
{
    private CatalogService.CatalogServiceClient Catalog => new(fixture.Cluster.CatalogCallsAs(ExchangeClients.CatalogAdmin));

    [Fact]
    public async Task Edit_with_an_empty_name_shows_the_message_at_the_name_and_stores_nothing()
    {
        var before = (await Catalog.GetResourceDraftAsync(new GetResourceDraftRequest { Code = "MR-CREDIT-STATUS" })).Resource;
        var page = await AdminPages.SignedInAsync(fixture, AdminUiFixture.Admin, path: "resources/MR-CREDIT-STATUS/edit");

        await page.FillAsync("#Form_Name", "   ");
        await page.FillAsync("#Form_Description", "这段描述不应被保存");
        await page.FillAsync("#Form_DataItems_0__Title", "不应被保存的标题");
        await page.ClickAsync("[data-testid=save]");

        await Expect(AdminPages.FieldError(page, "Form.Name")).ToHaveTextAsync("必填。");
        await Expect(page.GetByTestId("form-error")).ToContainTextAsync("草稿未保存");
        await Expect(page.Locator("#Form_Description")).ToHaveValueAsync("这段描述不应被保存");
        await BrowserFixture.ScreenshotAsync(page, "resource-edit-invalid");
        var after = (await Catalog.GetResourceDraftAsync(new GetResourceDraftRequest { Code = "MR-CREDIT-STATUS" })).Resource;
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task New_resource_with_a_malformed_or_taken_code_is_not_created()
    {
        var page = await AdminPages.SignedInAsync(fixture, AdminUiFixture.Admin, path: "drafts/new");
        await page.FillAsync("#Form_Code", "bad code");
        await page.FillAsync("#Form_Name", "格式错误的资源");
        await page.ClickAsync("[data-testid=save]");

        await Expect(AdminPages.FieldError(page, "Form.Code")).ToContainTextAsync("只能由大写字母、数字和连字符组成");
        await Expect(AdminPages.FieldError(page, "Form.Name")).ToHaveTextAsync(string.Empty);

        await page.FillAsync("#Form_Code", "PS-RESIDENT-BASIC");
        await page.ClickAsync("[data-testid=save]");
        await Expect(AdminPages.FieldError(page, "Form.Code")).ToHaveTextAsync("资源代码 PS-RESIDENT-BASIC 已存在。");
        var existing = (await Catalog.GetResourceDraftAsync(new GetResourceDraftRequest { Code = "PS-RESIDENT-BASIC" })).Resource;
        Assert.Equal("居民户籍基本信息", existing.Name);
    }

    [Fact]
    public async Task New_draft_is_created_and_an_incomplete_one_is_not_published_with_every_problem_named()
    {
        var page = await AdminPages.SignedInAsync(fixture, AdminUiFixture.Admin, path: "drafts/new");
        await BrowserFixture.ScreenshotAsync(page, "resource-new");
        await page.FillAsync("#Form_Code", "CA-TEST-DRAFT");
        await page.FillAsync("#Form_Name", "测试草稿");
        await page.SelectOptionAsync("#Form_ProviderDepartmentCode", "CIVIL-AFFAIRS");
        await page.FillAsync("#Form_GrpcService", "not a service");
        await page.ClickAsync("[data-testid=save]");
        await Expect(page.Locator(".notice")).ToContainTextAsync("已创建资源 CA-TEST-DRAFT 的草稿");

        await page.ClickAsync("[data-testid=publish]");

        var problems = page.GetByTestId("publish-error");
        await Expect(problems).ToContainTextAsync("至少需要一个数据项");
        await Expect(problems).ToContainTextAsync("未选择共享类型");
        await Expect(problems).ToContainTextAsync("gRPC 服务 not a service 不是完整的服务名");
        await Expect(problems).ToContainTextAsync("未填写服务地址");
        await BrowserFixture.ScreenshotAsync(page, "resource-publish-refused");
        var status = await GrpcStatus.OfAsync(() => Catalog.GetResourceAsync(new GetResourceRequest { Code = "CA-TEST-DRAFT" }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, status);
    }

    [Fact]
    public async Task A_complete_new_draft_saves_every_field()
    {
        var page = await AdminPages.SignedInAsync(fixture, AdminUiFixture.Admin, path: "drafts/new");
        await page.FillAsync("#Form_Code", "PS-TEST-COMPLETE");
        await page.FillAsync("#Form_Name", "完整的测试资源");
        await page.FillAsync("#Form_Description", "用于界面测试");
        await page.SelectOptionAsync("#Form_ProviderDepartmentCode", "PUBLIC-SECURITY");
        await page.FillAsync("#Form_DataItems_0__Name", "citizen_id");
        await page.FillAsync("#Form_DataItems_0__Title", "公民身份号码");
        await page.SelectOptionAsync("#Form_DataItems_0__Type", "String");
        await page.SelectOptionAsync("#Form_DataItems_0__Sensitivity", "Sensitive");
        await page.FillAsync("#Form_DataItems_1__Name", "name");
        await page.FillAsync("#Form_DataItems_1__Title", "姓名");
        await page.SelectOptionAsync("#Form_ShareType", "Conditional");
        await page.FillAsync("#Form_ShareCondition", "办理户籍业务时使用");
        await page.SelectOptionAsync("#Form_UpdateFrequency", "Daily");
        await page.FillAsync("#Form_GrpcService", "exchange.test.v1.TestService");
        await page.FillAsync("#Form_GrpcMethods", "GetOne\nGetTwo");
        await page.FillAsync("#Form_Endpoint", "http://127.0.0.1:9");
        await page.ClickAsync("[data-testid=save]");
        await Expect(page.Locator(".notice")).ToContainTextAsync("已创建资源 PS-TEST-COMPLETE 的草稿");

        var draft = (await Catalog.GetResourceDraftAsync(new GetResourceDraftRequest { Code = "PS-TEST-COMPLETE" })).Resource;
        Assert.Equal("完整的测试资源", draft.Name);
        Assert.Equal(["citizen_id", "name"], draft.DataItems.Select(item => item.Name));
        Assert.Equal(Sensitivity.Sensitive, draft.DataItems[0].Sensitivity);
        Assert.Equal(ShareType.Conditional, draft.ShareType);
        Assert.Equal(UpdateFrequency.Daily, draft.UpdateFrequency);
        Assert.Equal(["GetOne", "GetTwo"], draft.GrpcMethods);
        Assert.Equal("http://127.0.0.1:9", draft.Endpoint);
    }
}

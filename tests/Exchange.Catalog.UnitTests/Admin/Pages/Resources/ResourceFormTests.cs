using System.Net;
using Exchange.Catalog.Admin.Forms;
using Exchange.Catalog.Domain;
using Exchange.Catalog.UnitTests.InProcess;
using Exchange.Protos.Catalog.V1;
using Exchange.ServiceDefaults.Errors;

namespace Exchange.Catalog.UnitTests.Admin.Pages.Resources;

/// <summary>Bad input on the resource form is refused with a message next to the field, and nothing of it is stored.</summary>
public sealed class ResourceFormTests(CatalogHost host)
{
    [Fact]
    public async Task Edit_with_an_empty_name_shows_the_message_at_the_name_and_stores_nothing()
    {
        var before = await DraftAsync("MR-CREDIT-STATUS");
        using var session = await AdminSession.SignedInAsync(host, CatalogHost.Admin);
        var form = await session.GetAsync("resources/MR-CREDIT-STATUS/edit");

        var answer = await session.SubmitAsync(form, "[data-testid=save]", new()
        {
            ["Form.Name"] = ["   "],
            ["Form.Description"] = ["这段描述不应被保存"],
            ["Form.DataItems[0].Title"] = ["不应被保存的标题"],
        });

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("必填。", answer.FieldError("Form.Name"));
        Assert.Contains("草稿未保存", answer.TestId("form-error"), StringComparison.Ordinal);
        Assert.Equal("这段描述不应被保存", answer.ValueOf("#Form_Description"));
        Assert.Equal(before, await DraftAsync("MR-CREDIT-STATUS"));
    }

    [Fact]
    public async Task New_resource_with_a_malformed_or_taken_code_is_not_created()
    {
        using var session = await AdminSession.SignedInAsync(host, CatalogHost.Admin);
        var form = await session.GetAsync("drafts/new");

        var malformed = await session.SubmitAsync(form, "[data-testid=save]", new() { ["Form.Code"] = ["bad code"], ["Form.Name"] = ["格式错误的资源"] });
        Assert.Contains("只能由大写字母、数字和连字符组成", malformed.FieldError("Form.Code"), StringComparison.Ordinal);
        Assert.Equal(string.Empty, malformed.FieldError("Form.Name"));

        var taken = await session.SubmitAsync(malformed, "[data-testid=save]", new() { ["Form.Code"] = ["PS-RESIDENT-BASIC"] });
        Assert.Equal("资源代码 PS-RESIDENT-BASIC 已存在。", taken.FieldError("Form.Code"));
        Assert.Equal("居民户籍基本信息", (await DraftAsync("PS-RESIDENT-BASIC")).Name);
        await Assert.ThrowsAsync<NotFoundException>(() => DraftAsync("bad code"));
    }

    [Fact]
    public async Task Each_field_is_labelled_with_the_name_its_errors_are_reported_under()
    {
        using var session = await AdminSession.SignedInAsync(host, CatalogHost.Admin);

        var labels = (await session.GetAsync("drafts/new")).Labels();

        var named = FieldNames.Of<ResourceForm>("Form");
        Assert.Equal(11, named.Count(field => labels.ContainsKey(field.Key)));
        Assert.All(named.Where(field => labels.ContainsKey(field.Key)), field => Assert.Equal(field.Value, labels[field.Key]));
    }

    [Fact]
    public async Task An_empty_form_reports_every_error_at_once_each_named_and_linked_to_its_field_in_the_summary()
    {
        using var session = await AdminSession.SignedInAsync(host, CatalogHost.Admin);

        var answer = await session.SubmitAsync(await session.GetAsync("drafts/new"), "[data-testid=save]");

        Assert.NotEqual(string.Empty, answer.FieldError("Form.Code"));
        Assert.Equal("必填。", answer.FieldError("Form.Name"));
        var summary = answer.ErrorSummary();
        Assert.Contains(("名称：必填。", "Form_Name"), summary);
        Assert.Contains(summary, entry => entry.Text.StartsWith("资源代码：", StringComparison.Ordinal) && entry.Field == "Form_Code");
        Assert.All(summary, entry => Assert.NotNull(answer.Document.GetElementById(entry.Field)));
    }

    [Fact]
    public async Task An_over_long_code_name_and_description_are_all_reported_and_the_server_limits_the_description()
    {
        using var session = await AdminSession.SignedInAsync(host, CatalogHost.Admin);
        var form = await session.GetAsync("drafts/new");
        // The browser's maxlength stops a person typing more; a crafted post must meet the server's own limit.
        Assert.Equal("2000", form.Document.QuerySelector("#Form_Description")!.GetAttribute("maxlength"));

        var answer = await session.SubmitAsync(form, "[data-testid=save]", new()
        {
            ["Form.Code"] = [new string('A', 80)],
            ["Form.Name"] = [new string('名', 201)],
            ["Form.Description"] = [new string('述', 2001)],
        });

        Assert.NotEqual(string.Empty, answer.FieldError("Form.Code"));
        Assert.Equal("最多 200 个字符。", answer.FieldError("Form.Name"));
        Assert.Equal("最多 2000 个字符。", answer.FieldError("Form.Description"));
    }

    [Fact]
    public async Task New_draft_is_created_and_an_incomplete_one_is_not_published_with_every_problem_named()
    {
        using var session = await AdminSession.SignedInAsync(host, CatalogHost.Admin);
        var saved = await session.SubmitAsync(await session.GetAsync("drafts/new"), "[data-testid=save]", new()
        {
            ["Form.Code"] = ["CA-TEST-DRAFT"],
            ["Form.Name"] = ["测试草稿"],
            ["Form.ProviderDepartmentCode"] = ["CIVIL-AFFAIRS"],
            ["Form.GrpcService"] = ["not a service"],
        });
        var detail = await session.FollowAsync(saved);
        Assert.Contains("已创建资源 CA-TEST-DRAFT 的草稿", detail.Text(".notice"), StringComparison.Ordinal);

        var refused = await session.SubmitAsync(detail, "[data-testid=publish]");

        var problems = refused.TestId("publish-error");
        Assert.Contains("至少需要一个数据项", problems, StringComparison.Ordinal);
        Assert.Contains("未选择共享类型", problems, StringComparison.Ordinal);
        Assert.Contains("gRPC 服务 not a service 不是完整的服务名", problems, StringComparison.Ordinal);
        Assert.Contains("未填写服务地址", problems, StringComparison.Ordinal);
        await Assert.ThrowsAsync<NotFoundException>(() => host.WithAsync<ResourceCatalog, Resource>(c => c.GetAsync("CA-TEST-DRAFT", 0, CancellationToken.None)));
    }

    [Fact]
    public async Task A_complete_new_draft_saves_every_field()
    {
        using var session = await AdminSession.SignedInAsync(host, CatalogHost.Admin);
        var saved = await session.SubmitAsync(await session.GetAsync("drafts/new"), "[data-testid=save]", new()
        {
            ["Form.Code"] = ["PS-TEST-COMPLETE"],
            ["Form.Name"] = ["完整的测试资源"],
            ["Form.Description"] = ["用于界面测试"],
            ["Form.ProviderDepartmentCode"] = ["PUBLIC-SECURITY"],
            ["Form.DataItems[0].Name"] = ["citizen_id"],
            ["Form.DataItems[0].Title"] = ["公民身份号码"],
            ["Form.DataItems[0].Type"] = ["String"],
            ["Form.DataItems[0].Sensitivity"] = ["Sensitive"],
            ["Form.DataItems[1].Name"] = ["name"],
            ["Form.DataItems[1].Title"] = ["姓名"],
            ["Form.ShareType"] = ["Conditional"],
            ["Form.ShareCondition"] = ["办理户籍业务时使用"],
            ["Form.UpdateFrequency"] = ["Daily"],
            ["Form.GrpcService"] = ["exchange.test.v1.TestService"],
            ["Form.GrpcMethods"] = ["GetOne\nGetTwo"],
            ["Form.Endpoint"] = ["http://127.0.0.1:9"],
        });
        Assert.Contains("已创建资源 PS-TEST-COMPLETE 的草稿", (await session.FollowAsync(saved)).Text(".notice"), StringComparison.Ordinal);

        var draft = await DraftAsync("PS-TEST-COMPLETE");
        Assert.Equal("完整的测试资源", draft.Name);
        Assert.Equal(["citizen_id", "name"], draft.DataItems.Select(item => item.Name));
        Assert.Equal(Sensitivity.Sensitive, draft.DataItems[0].Sensitivity);
        Assert.Equal(ShareType.Conditional, draft.ShareType);
        Assert.Equal(UpdateFrequency.Daily, draft.UpdateFrequency);
        Assert.Equal(["GetOne", "GetTwo"], draft.GrpcMethods);
        Assert.Equal("http://127.0.0.1:9", draft.Endpoint);
    }

    private Task<Resource> DraftAsync(string code) => host.WithAsync<ResourceCatalog, Resource>(c => c.GetDraftAsync(code, CancellationToken.None));
}

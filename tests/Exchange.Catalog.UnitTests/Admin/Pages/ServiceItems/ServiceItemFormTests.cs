using System.Net;
using Exchange.Catalog.Admin.Forms;
using Exchange.Catalog.Licences;
using Exchange.Catalog.UnitTests.InProcess;
using Exchange.Protos.Catalog.V1;
using Exchange.ServiceDefaults.Errors;

namespace Exchange.Catalog.UnitTests.Admin.Pages.ServiceItems;

/// <summary>
/// Service items are edited like resources: only by catalog administrators, every problem shown at its field with
/// nothing stored, and a saved change is what the catalog serves to the gateway.
/// </summary>
public sealed class ServiceItemFormTests(CatalogHost host)
{
    // No other test of this host changes this item.
    private const string ItemCode = "CA-MINIMUM-LIVING-ALLOWANCE";

    [Fact]
    public async Task An_administrator_adds_a_check_and_a_licence_item_nothing_is_stored_until_every_field_is_right()
    {
        var before = await ServedAsync(ItemCode);
        using var session = await AdminSession.SignedInAsync(host, CatalogHost.Admin);
        var list = await session.GetAsync("service-items");
        var form = await session.GetAsync(list.Document.QuerySelector($"tr[data-code='{ItemCode}'] a")!.GetAttribute("href")!);
        Assert.Equal("编辑办事事项", form.Text("h1"));
        var rules = form.Document.QuerySelectorAll("input[name='Form.RuleCodes'][checked]:not([disabled])").Select(box => box.GetAttribute("value")!)
            .Append("MARRIAGE-NOT-MARRIED").ToArray();

        // M01 is the applicant's identity card: asking for an item the card does not have is refused at that field.
        var refused = await session.SubmitAsync(form, "[data-testid=save]", new()
        {
            ["Form.Materials[0].LicenceDataItems"] = ["holder_id, name, blood_type"],
            ["Form.RuleCodes"] = rules,
        });
        Assert.Contains("事项未保存", refused.TestId("form-error"), StringComparison.Ordinal);
        Assert.Contains("没有数据项 blood_type", refused.FieldError("Form.Materials[0].LicenceDataItems"), StringComparison.Ordinal);
        var (text, field) = Assert.Single(refused.ErrorSummary());
        Assert.StartsWith("第 1 个材料的所需证照数据项：", text, StringComparison.Ordinal);
        Assert.NotNull(refused.Document.GetElementById(field));
        Assert.Equal(before, await ServedAsync(ItemCode));

        var saved = await session.SubmitAsync(refused, "[data-testid=save]", new() { ["Form.Materials[0].LicenceDataItems"] = ["holder_id, name, citizen_id"] });

        var listed = await session.FollowAsync(saved);
        Assert.Contains($"已保存办事事项 {ItemCode}", listed.Text(".notice"), StringComparison.Ordinal);
        Assert.Contains("双方均无配偶", listed.Text($"tr[data-code='{ItemCode}']"), StringComparison.Ordinal);
        var after = await ServedAsync(ItemCode);
        Assert.Equal(["MARRIAGE-NOT-MARRIED"], after.RuleCodes);
        Assert.Equal(["holder_id", "name", "citizen_id"], after.Materials[0].LicenceDataItems);
        Assert.Equal(before.Materials.Skip(1), after.Materials.Skip(1));
    }

    [Fact]
    public async Task A_department_reviewer_sees_the_items_but_cannot_edit_them()
    {
        using var session = await AdminSession.SignedInAsync(host, CatalogHost.CivilAffairsReviewer);
        var list = await session.GetAsync("service-items");
        Assert.Contains("内地居民结婚登记", list.Text("tr[data-code='CA-MARRIAGE-REGISTRATION']"), StringComparison.Ordinal);
        Assert.Equal(0, list.Count("tr[data-code='CA-MARRIAGE-REGISTRATION'] a"));

        Assert.Equal("无权访问", (await session.OpenAsync("service-items/CA-MARRIAGE-REGISTRATION/edit")).Text("h1"));

        // Nor can it post a change with a token taken from a page it may see.
        var token = list.Document.QuerySelector("header form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var posted = await session.PostAsync("service-items/CA-MARRIAGE-REGISTRATION/edit",
            [KeyValuePair.Create("__RequestVerificationToken", token), KeyValuePair.Create("Form.Name", "改名"), KeyValuePair.Create("Form.Revision", "0")]);
        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        Assert.StartsWith("/admin/denied", posted.Location!.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal("内地居民结婚登记", (await ServedAsync("CA-MARRIAGE-REGISTRATION")).Name);
    }

    [Fact]
    public async Task Each_field_is_labelled_with_the_name_its_errors_are_reported_under()
    {
        using var session = await AdminSession.SignedInAsync(host, CatalogHost.Admin);

        var labels = (await session.GetAsync("service-items/new")).Labels();

        var named = FieldNames.Of<ServiceItemForm>("Form");
        Assert.Equal(3, named.Count(field => labels.ContainsKey(field.Key)));
        Assert.All(named.Where(field => labels.ContainsKey(field.Key)), field => Assert.Equal(field.Value, labels[field.Key]));
    }

    [Fact]
    public async Task A_new_item_with_problems_names_each_one()
    {
        using var session = await AdminSession.SignedInAsync(host, CatalogHost.Admin);

        var answer = await session.SubmitAsync(await session.GetAsync("service-items/new"), "[data-testid=save]", new()
        {
            ["Form.Code"] = ["lower-case"],
            ["Form.Materials[0].Code"] = ["M01"],
            ["Form.Materials[0].Name"] = ["申请书"],
            ["Form.Materials[0].Role"] = ["nobody"],
        });

        Assert.Contains("大写字母", answer.FieldError("Form.Code"), StringComparison.Ordinal);
        Assert.Contains("必填", answer.FieldError("Form.Name"), StringComparison.Ordinal);
        Assert.Contains("请选择办理部门", answer.FieldError("Form.DepartmentCode"), StringComparison.Ordinal);
        Assert.Contains("至少需要一个申请人角色", answer.FieldError("Form.Roles"), StringComparison.Ordinal);
        Assert.Contains("请选择上面定义的申请人角色", answer.FieldError("Form.Materials[0].Role"), StringComparison.Ordinal);
        await Assert.ThrowsAsync<NotFoundException>(() => ServedAsync("lower-case"));
    }

    private Task<ServiceItem> ServedAsync(string code) => host.WithAsync<ServiceItemCatalog, ServiceItem>(items => items.GetAsync(code, CancellationToken.None));
}

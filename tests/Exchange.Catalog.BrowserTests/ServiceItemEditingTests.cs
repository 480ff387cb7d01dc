using Exchange.Protos.Catalog.V1;
using Exchange.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Exchange.Catalog.BrowserTests;

/// <summary>
/// Service items are edited in the admin UI like resources: only by catalog administrators, every problem shown at its
/// field with nothing stored, and a saved change is what the catalog serves to the gateway.
/// </summary>
[Collection(AdminUiCollection.Name)]
public sealed class ServiceItemEditingTests(AdminUiFixture fixture)
{
    // No other test of this collection uses this item.
    private const string ItemCode = "CA-MINIMUM-LIVING-ALLOWANCE";

    private ServiceItemService.ServiceItemServiceClient Items => new(fixture.Cluster.CatalogCallsAs(ExchangeClients.CatalogAdmin));

    private async Task<ServiceItem> ServedAsync() => (await Items.GetServiceItemAsync(new GetServiceItemRequest { Code = ItemCode })).ServiceItem;

    [Fact]
    public async Task An_administrator_adds_a_check_and_a_licence_item_nothing_is_stored_until_every_field_is_right()
    {
        var before = await ServedAsync();
        var page = await AdminPages.SignedInAsync(fixture, AdminUiFixture.Admin, path: "service-items");
        await page.Locator($"tr[data-code='{ItemCode}'] a").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("编辑办事事项");

        // M01 is the applicant's identity card: asking for an item the card does not have is refused at that field.
        await page.FillAsync("#Form_Materials_0__LicenceDataItems", "holder_id, name, blood_type");
        await page.CheckAsync("input[name='Form.RuleCodes'][value='MARRIAGE-NOT-MARRIED']");
        await page.ClickAsync("[data-testid=save]");

        await Expect(page.GetByTestId("form-error")).ToContainTextAsync("事项未保存");
        await Expect(AdminPages.FieldError(page, "Form.Materials[0].LicenceDataItems")).ToContainTextAsync("没有数据项 blood_type");
        await BrowserFixture.ScreenshotAsync(page, "service-item-invalid");
        Assert.Equal(before, await ServedAsync());

        await page.FillAsync("#Form_Materials_0__LicenceDataItems", "holder_id, name, citizen_id");
        await page.ClickAsync("[data-testid=save]");

        await Expect(page.Locator(".notice")).ToContainTextAsync($"已保存办事事项 {ItemCode}");
        await Expect(page.Locator($"tr[data-code='{ItemCode}']")).ToContainTextAsync("双方均无配偶");
        await BrowserFixture.ScreenshotAsync(page, "service-items");
        var after = await ServedAsync();
        Assert.Equal(["MARRIAGE-NOT-MARRIED"], after.RuleCodes);
        Assert.Equal(["holder_id", "name", "citizen_id"], after.Materials[0].LicenceDataItems);
        Assert.Equal(before.Materials.Skip(1), after.Materials.Skip(1));
    }

    [Fact]
    public async Task A_department_reviewer_sees_the_items_but_cannot_edit_them()
    {
        var page = await AdminPages.SignedInAsync(fixture, AdminUiFixture.CivilAffairsReviewer, path: "service-items");
        await Expect(page.Locator("tr[data-code='CA-MARRIAGE-REGISTRATION']")).ToContainTextAsync("内地居民结婚登记");
        await Expect(page.Locator("tr[data-code='CA-MARRIAGE-REGISTRATION'] a")).ToHaveCountAsync(0);

        await page.GotoAsync(AdminPages.Url(fixture, "service-items/CA-MARRIAGE-REGISTRATION/edit"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("无权访问");

        // Nor can it post a change with a token taken from a page it may see.
        var token = await page.Locator("header form input[name=__RequestVerificationToken]").GetAttributeAsync("value");
        var response = await page.APIRequest.PostAsync(AdminPages.Url(fixture, "service-items/CA-MARRIAGE-REGISTRATION/edit"),
            new APIRequestContextOptions
            {
                Form = page.APIRequest.CreateFormData().Set("__RequestVerificationToken", token!).Set("Form.Name", "改名").Set("Form.Revision", "0"),
                MaxRedirects = 0,
            });
        Assert.StartsWith("/admin/denied", new Uri(response.Headers["location"]).AbsolutePath, StringComparison.Ordinal);
        Assert.Equal("内地居民结婚登记", (await Items.GetServiceItemAsync(new GetServiceItemRequest { Code = "CA-MARRIAGE-REGISTRATION" })).ServiceItem.Name);
    }

    [Fact]
    public async Task A_new_item_with_problems_names_each_one()
    {
        var page = await AdminPages.SignedInAsync(fixture, AdminUiFixture.Admin, path: "service-items/new");
        await page.FillAsync("#Form_Code", "lower-case");
        await page.FillAsync("#Form_Materials_0__Code", "M01");
        await page.FillAsync("#Form_Materials_0__Name", "申请书");
        await page.FillAsync("#Form_Materials_0__Role", "nobody");
        await page.ClickAsync("[data-testid=save]");

        await Expect(AdminPages.FieldError(page, "Form.Code")).ToContainTextAsync("大写字母");
        await Expect(AdminPages.FieldError(page, "Form.Name")).ToContainTextAsync("必填");
        await Expect(AdminPages.FieldError(page, "Form.DepartmentCode")).ToContainTextAsync("请选择办理部门");
        await Expect(AdminPages.FieldError(page, "Form.Roles")).ToContainTextAsync("至少需要一个申请人角色");
        await Expect(AdminPages.FieldError(page, "Form.Materials[0].Role")).ToContainTextAsync("请选择上面定义的申请人角色");
        var status = await GrpcStatus.OfAsync(() => Items.GetServiceItemAsync(new GetServiceItemRequest { Code = "lower-case" }).ResponseAsync);
        Assert.Equal(Grpc.Core.StatusCode.NotFound, status);
    }
}

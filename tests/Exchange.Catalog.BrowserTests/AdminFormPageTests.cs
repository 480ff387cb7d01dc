using static Microsoft.Playwright.Assertions;

namespace Exchange.Catalog.BrowserTests;

/// <summary>
/// The admin pages of one resource or service item and their forms (issue 15), each accessible and usable at desktop
/// width and on a phone; the form also with every error shown.
/// </summary>
public sealed class AdminFormPageTests(AdminUiFixture fixture)
{
    public static TheoryData<string> Pages() =>
        ["resources/PS-RESIDENT-BASIC", "resources/PS-RESIDENT-BASIC/edit", "drafts/new", "service-items/CA-MARRIAGE-REGISTRATION/edit"];

    [Theory]
    [MemberData(nameof(Pages))]
    public Task Every_page_is_accessible_and_never_scrolls_sideways_at_desktop_or_phone_width(string path) =>
        AdminPages.AssertPageAccessibleAndFitsBothWidthsAsync(fixture, path);

    /// <summary>Which errors the form reports is Exchange.Catalog.UnitTests' ResourceFormTests; here that the messages read well and are tied to their fields.</summary>
    [Fact]
    public async Task The_form_with_its_errors_shown_is_accessible_and_never_scrolls_sideways()
    {
        var page = await AdminPages.SignedInAsync(fixture, AdminUiFixture.Admin, path: "drafts/new");

        await page.ClickAsync("button[type=submit].primary");

        await Expect(AdminPages.FieldError(page, "Form.Name")).ToHaveTextAsync("必填。");
        await AdminPages.AssertAccessibleAndFitsBothWidthsAsync(page, "admin-form-all-errors");
    }
}

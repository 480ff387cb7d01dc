namespace Exchange.Catalog.BrowserTests;

/// <summary>
/// The admin pages that list and report (issue 15), each accessible and usable at desktop width and on a phone. The pages
/// with forms are <see cref="AdminFormPageTests"/>: two classes, so that they run beside each other.
/// </summary>
public sealed class AdminListPageTests(AdminUiFixture fixture)
{
    public static TheoryData<string> Pages() => ["resources", "applications?state=all", "audit", "statistics", "service-items"];

    [Theory]
    [MemberData(nameof(Pages))]
    public Task Every_page_is_accessible_and_never_scrolls_sideways_at_desktop_or_phone_width(string path) =>
        AdminPages.AssertPageAccessibleAndFitsBothWidthsAsync(fixture, path);

    /// <summary>Its status, text and link are Exchange.Catalog.UnitTests' NotFoundPageTests; here how it looks and reads.</summary>
    [Fact]
    public async Task The_not_found_page_is_accessible_and_never_scrolls_sideways()
    {
        var page = await AdminPages.SignedInAsync(fixture, AdminUiFixture.Admin);

        var response = await page.GotoAsync(AdminPages.Url(fixture, "resources/NO-SUCH-RESOURCE"));
        Assert.Equal(404, response!.Status);
        await AdminPages.AssertAccessibleAndFitsBothWidthsAsync(page, "admin-not-found");
    }
}

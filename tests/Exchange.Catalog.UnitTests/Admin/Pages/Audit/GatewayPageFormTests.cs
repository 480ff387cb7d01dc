using System.Net;
using Exchange.Catalog.UnitTests.InProcess;

namespace Exchange.Catalog.UnitTests.Admin.Pages.Audit;

/// <summary>
/// The audit and statistics pages' own rules, which need no gateway answer: their filters are checked at the field, and
/// only catalog administrators open them. What the gateway answers there is tests/Exchange.Catalog.BrowserTests'.
/// </summary>
public sealed class GatewayPageFormTests(CatalogHost host)
{
    [Theory]
    [InlineData("audit?From=2026-03-02T10:00:00&Until=2026-03-01T10:00:00")]
    [InlineData("audit?From=2026-03-02T10:00:00&Until=2026-03-02T10:00:00")]
    public async Task Audit_end_not_after_start_is_refused_next_to_the_field_in_the_statistics_words(string path)
    {
        using var session = await AdminSession.SignedInAsync(host, CatalogHost.Admin);

        var page = await session.GetAsync(path);

        Assert.Equal("结束时间必须晚于开始时间。", page.FieldError("Until"));
    }

    [Fact]
    public async Task Audit_holder_that_is_no_identifier_is_explained()
    {
        using var session = await AdminSession.SignedInAsync(host, CatalogHost.Admin);

        var page = await session.GetAsync("audit?Holder=123");

        Assert.Contains("18 位", page.TestId("holder-problem"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Statistics_end_before_start_is_refused_next_to_the_field()
    {
        using var session = await AdminSession.SignedInAsync(host, CatalogHost.Admin);

        var page = await session.GetAsync("statistics?From=2026-03-02T10:00:00&Until=2026-03-01T10:00:00");

        Assert.Equal("结束时间必须晚于开始时间。", page.FieldError("Until"));
    }

    [Fact]
    public async Task A_reviewer_cannot_open_the_statistics_nor_sees_them_in_the_menu()
    {
        using var session = await AdminSession.SignedInAsync(host, CatalogHost.CivilAffairsReviewer);

        var denied = await session.GetAsync("statistics");
        Assert.Equal(HttpStatusCode.Redirect, denied.Status);
        Assert.StartsWith("/admin/denied", denied.Location!.AbsolutePath, StringComparison.Ordinal);
        var landed = await session.FollowAsync(denied);
        Assert.DoesNotContain("调用统计", landed.Text("header nav"), StringComparison.Ordinal);
    }
}

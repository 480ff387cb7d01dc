using System.Net;
using Exchange.Catalog.UnitTests.InProcess;

namespace Exchange.Catalog.UnitTests.Admin;

public sealed class NotFoundPageTests(CatalogHost host)
{
    [Theory]
    [InlineData("resources/NO-SUCH-RESOURCE")]
    [InlineData("no-such-page")]
    [InlineData("applications/no-such-application")]
    public async Task An_unknown_address_gets_a_Chinese_page_with_a_way_back(string path)
    {
        using var session = await AdminSession.SignedInAsync(host, CatalogHost.Admin);

        var page = await session.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Contains("页面不存在", page.TestId("not-found"), StringComparison.Ordinal);
        Assert.Single(page.Document.QuerySelectorAll("a"), a => a.TextContent == "返回资源目录" && a.GetAttribute("href") == "/admin/resources");
        Assert.Contains("/admin/" + path, page.TestId("not-found"), StringComparison.Ordinal);
    }
}

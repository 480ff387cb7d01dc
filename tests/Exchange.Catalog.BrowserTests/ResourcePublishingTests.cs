using Exchange.Protos.PublicSecurity.V1;
using Exchange.SyntheticData;
using Exchange.Testing;
using Grpc.Core;
using static Microsoft.Playwright.Assertions;

namespace Exchange.Catalog.BrowserTests;

/// <summary>What an administrator does to a resource in the UI reaches the gateway's routing within seconds.</summary>
public sealed class ResourcePublishingTests(AdminUiFixture fixture, ITestOutputHelper output)
{
    // Catalog changes reach the gateway in milliseconds (the gateway's own watch tests); the bound is for a machine at load 30.
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);
    private static readonly SyntheticPopulation Seeded = SyntheticPopulation.Generate();

    [Fact]
    public async Task Deprecating_in_the_UI_stops_routing_and_publishing_again_restores_it()
    {
        Assert.Equal(StatusCode.OK, await VerifyIdentityStatusAsync());
        var page = await AdminPages.SignedInAsync(fixture, AdminUiFixture.Admin);
        await BrowserFixture.ScreenshotAsync(page, "resources-list");
        await page.ClickAsync("a:text('PS-IDENTITY-CHECK')");
        await Expect(page.GetByTestId("versions")).ToContainTextAsync("已发布");
        await BrowserFixture.ScreenshotAsync(page, "resource-detail");

        await page.ClickAsync("[data-testid=deprecate]");
        // The first 停用 only asks: the resource is still routed until the administrator confirms.
        await Expect(page.GetByTestId("confirm-deprecate")).ToContainTextAsync("停止路由");
        await BrowserFixture.AssertAccessibleAsync(page, "deprecation confirmation");
        await BrowserFixture.ScreenshotAsync(page, "resource-deprecate-confirm");
        Assert.Equal(StatusCode.OK, await VerifyIdentityStatusAsync());
        await page.ClickAsync("[data-testid=confirm-deprecate-yes]");
        await Expect(page.Locator(".notice")).ToContainTextAsync("已停用 PS-IDENTITY-CHECK 第 1 版");
        var stopped = await Eventually.WithinAsync(Bound, async () => await VerifyIdentityStatusAsync() == StatusCode.NotFound,
            "a resource deprecated in the UI stops routing");

        await page.ClickAsync("[data-testid=publish]");
        await Expect(page.Locator(".notice")).ToContainTextAsync("已发布 PS-IDENTITY-CHECK 第 2 版");
        var restored = await Eventually.WithinAsync(Bound, async () => await VerifyIdentityStatusAsync() == StatusCode.OK,
            "a resource published again in the UI routes again");

        var versions = page.GetByTestId("versions");
        await Expect(versions.Locator("tr", new() { HasText = "v2" })).ToContainTextAsync("已发布");
        await Expect(versions.Locator("tr", new() { HasText = "v1" })).ToContainTextAsync("已停用");
        await BrowserFixture.ScreenshotAsync(page, "resource-republished");
        output.WriteLine($"deprecation routed after {stopped.TotalMilliseconds:F0} ms, publication after {restored.TotalMilliseconds:F0} ms");
    }

    private Task<StatusCode> VerifyIdentityStatusAsync() => GrpcStatus.OfAsync(() =>
        new PopulationService.PopulationServiceClient(fixture.Cluster.GatewayCallsAs(ExchangeClients.CivilAffairs))
            .VerifyIdentityAsync(new VerifyIdentityRequest { CitizenId = Seeded.Residents[0].CitizenId, Name = Seeded.Residents[0].Name }).ResponseAsync);
}

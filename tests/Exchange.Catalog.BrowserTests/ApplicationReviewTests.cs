using Exchange.Protos.CivilAffairs.V1;
using Exchange.SyntheticData;
using Exchange.Testing;
using Grpc.Core;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Exchange.Catalog.BrowserTests;

/// <summary>A provider's reviewer decides applications in the UI, and the gateway enforces the decision within seconds.</summary>
public sealed class ApplicationReviewTests(AdminUiFixture fixture)
{
    // Decisions reach the gateway in milliseconds (GrantWatchTests); the bound is for a machine at load 30.
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);
    private static readonly SyntheticPopulation Seeded = SyntheticPopulation.Generate();

    [Fact]
    public async Task Approving_the_pending_application_lets_the_consumer_call_until_the_grant_is_revoked()
    {
        Assert.Equal(StatusCode.PermissionDenied, await MarriageRecordsStatusAsync(ExchangeClients.PublicSecurity));
        var page = await AdminPages.SignedInAsync(fixture, AdminUiFixture.CivilAffairsReviewer, path: "applications");
        await BrowserFixture.ScreenshotAsync(page, "applications-pending");
        await OpenApplicationAsync(page, "PUBLIC-SECURITY", "CA-MARRIAGE-RECORDS");
        await BrowserFixture.ScreenshotAsync(page, "application-detail");

        await page.FillAsync("#approve-note", "同意，限户籍业务使用");
        await page.ClickAsync("[data-testid=approve]");
        await Expect(page.GetByTestId("application-state")).ToHaveTextAsync("已批准");
        await BrowserFixture.AssertAccessibleAsync(page, "application detail");
        await Eventually.WithinAsync(Bound, async () => await MarriageRecordsStatusAsync(ExchangeClients.PublicSecurity) == StatusCode.OK,
            "an approval in the UI lets the consumer call");

        await page.ClickAsync("[data-testid=revoke]");
        await Expect(page.GetByTestId("revoke-reason-error")).ToContainTextAsync("必须填写理由");
        await Expect(page.GetByTestId("application-state")).ToHaveTextAsync("已批准");
        Assert.Equal(StatusCode.OK, await MarriageRecordsStatusAsync(ExchangeClients.PublicSecurity));

        await page.FillAsync("#revoke-reason", "户籍业务已办结");
        await page.ClickAsync("[data-testid=revoke]");
        await Expect(page.GetByTestId("application-state")).ToHaveTextAsync("已撤销");
        await Eventually.WithinAsync(Bound, async () => await MarriageRecordsStatusAsync(ExchangeClients.PublicSecurity) == StatusCode.PermissionDenied,
            "a revocation in the UI stops the consumer's calls");
    }

    private static async Task OpenApplicationAsync(IPage page, string consumer, string resource)
    {
        var row = page.Locator($"tr[data-consumer='{consumer}'][data-resource='{resource}']").First;
        await row.Locator("a:text('查看')").ClickAsync();
        // The heading names the department and the resource in words; the codes stay in the details.
        await Expect(page.GetByTestId("application-heading")).ToContainTextAsync("申请使用");
        await Expect(page.Locator("dd a.mono").First).ToHaveTextAsync(resource);
    }

    private Task<StatusCode> MarriageRecordsStatusAsync(string clientId) => GrpcStatus.OfAsync(() =>
        new CivilAffairsService.CivilAffairsServiceClient(fixture.Cluster.GatewayCallsAs(clientId))
            .GetMarriageRecordsAsync(new GetMarriageRecordsRequest { CitizenId = Seeded.Residents[0].CitizenId }).ResponseAsync);
}

using Exchange.ExchangeContext;
using Exchange.Protos.Objection.V1;
using Exchange.Protos.PublicSecurity.V1;
using Exchange.SyntheticData;
using Exchange.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Exchange.Catalog.BrowserTests;

/// <summary>
/// A consumer department objects to a data item it received (数据异议); the provider's reviewer sees it with its deadline
/// in the admin UI and answers it there, and the gateway's flag on answers carrying the item goes away within seconds.
/// </summary>
public sealed class ObjectionAnswerTests(AdminUiFixture fixture)
{
    // Catalog changes reach the gateway in milliseconds (the gateway's own watch tests); the bound is for a machine at load 30.
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);
    private static readonly string CitizenId = SyntheticPopulation.Generate().Residents[5].CitizenId;

    [Fact]
    public async Task Provider_reviewer_corrects_an_objection_and_the_flag_clears()
    {
        var call = await GetResidentAsync();
        var objections = new ObjectionService.ObjectionServiceClient(fixture.Cluster.CatalogCallsAs(ExchangeClients.CivilAffairs));
        var raised = (await objections.RaiseObjectionAsync(new RaiseObjectionRequest
        {
            Objection = new Objection
            {
                ResourceCode = "PS-RESIDENT-BASIC",
                HolderId = CitizenId,
                DataItems = { "birth_date" },
                Reason = "当事人出示的居民身份证出生日期与此不符",
                RequestId = call.RequestId,
            },
        })).Objection;
        await Eventually.WithinAsync(Bound, async () => (await GetResidentAsync()).Flag == "birth_date", "the open objection flags answers");

        // Another provider's reviewer does not see it at all.
        var stranger = await AdminPages.SignedInAsync(fixture, AdminUiFixture.CivilAffairsReviewer, path: "objections?state=all");
        await Expect(stranger.Locator($"tr[data-id='{raised.Id}']")).ToHaveCountAsync(0);

        var page = await AdminPages.SignedInAsync(fixture, AdminUiFixture.PublicSecurityReviewer);
        await page.GetByRole(AriaRole.Link, new() { Name = "数据异议" }).ClickAsync();
        var row = page.Locator($"tr[data-id='{raised.Id}']");
        await Expect(row).ToContainTextAsync("待处理");
        await BrowserFixture.ScreenshotAsync(page, "objections-open");
        await row.GetByRole(AriaRole.Link, new() { Name = "处理" }).ClickAsync();
        await Expect(page.GetByTestId("objection-reason")).ToHaveTextAsync("当事人出示的居民身份证出生日期与此不符");
        await Expect(page.GetByTestId("objection-due")).Not.ToBeEmptyAsync();

        await page.ClickAsync("[data-testid=correct]");
        await Expect(page.GetByTestId("correct-answer-error")).Not.ToBeEmptyAsync();
        await Expect(page.GetByTestId("objection-state")).ToHaveTextAsync("待处理");
        await BrowserFixture.ScreenshotAsync(page, "objection-answer-needs-text");

        await page.FillAsync("#correct-answer", "已按户籍档案将出生日期更正");
        await page.ClickAsync("[data-testid=correct]");
        await Expect(page.GetByTestId("objection-state")).ToHaveTextAsync("已更正");
        await Expect(page.GetByTestId("objection-events")).ToContainTextAsync("更正数据");
        await BrowserFixture.ScreenshotAsync(page, "objection-corrected");

        var stored = (await objections.GetObjectionAsync(new GetObjectionRequest { Id = raised.Id })).Objection;
        Assert.Equal((ObjectionState.Corrected, AdminUiFixture.PublicSecurityReviewer + " (PUBLIC-SECURITY)"), (stored.State, stored.AnsweredBy));
        await Eventually.WithinAsync(Bound, async () => (await GetResidentAsync()).Flag is null, "the answer clears the flag");
    }

    private async Task<(string RequestId, string? Flag)> GetResidentAsync()
    {
        var client = new PopulationService.PopulationServiceClient(fixture.Cluster.GatewayCallsAs(ExchangeClients.CivilAffairs));
        using var call = client.GetResidentAsync(new GetResidentRequest { CitizenId = CitizenId });
        await call.ResponseAsync;
        var headers = await call.ResponseHeadersAsync;
        var flag = call.GetTrailers().GetValue(ExchangeMetadata.Objections);
        return (headers.GetValue(ExchangeMetadata.RequestId)!, flag is null ? null : ExchangeMetadata.PercentDecode(flag));
    }
}

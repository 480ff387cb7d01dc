using System.Globalization;
using Exchange.Protos.CivilAffairs.V1;
using Exchange.Protos.Licence.V1;
using Exchange.Protos.MarketRegulation.V1;
using Exchange.SyntheticData;
using Exchange.Testing;
using Grpc.Core;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Exchange.Catalog.BrowserTests;

/// <summary>
/// The statistics page counts the calls made through the gateway, per department and resource, with denials, p95,
/// exempted materials and a chart, and names a gateway instance that does not answer.
/// </summary>
[Collection(GatewayRecordsCollection.Name)]
public sealed class StatisticsPageTests(AdminUiFixture fixture)
{
    private static readonly SyntheticPopulation Seeded = SyntheticPopulation.Generate();
    private static readonly TimeZoneInfo Beijing = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Fact]
    public async Task Calls_denials_latency_and_exempted_materials_since_a_time_are_shown_with_a_chart()
    {
        // Only this test's calls: the window opens on the next whole second, before the first of them.
        var now = DateTimeOffset.UtcNow;
        var from = new DateTimeOffset(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero).AddSeconds(1);
        await Task.Delay(from - now + TimeSpan.FromMilliseconds(20), TestContext.Current.CancellationToken);

        var enterprises = new EnterpriseService.EnterpriseServiceClient(fixture.Cluster.GatewayCallsAs(ExchangeClients.PublicSecurity));
        for (var i = 0; i < 3; i++)
            await enterprises.GetEnterpriseAsync(new GetEnterpriseRequest { CreditCode = Seeded.Enterprises[0].CreditCode });
        var marriages = new CivilAffairsService.CivilAffairsServiceClient(fixture.Cluster.GatewayCallsAs(ExchangeClients.MarketRegulation));
        var denied = 0;
        for (var i = 0; i < 2; i++)
        {
            var status = await GrpcStatus.OfAsync(() => marriages.GetMarriageRecordsAsync(new GetMarriageRecordsRequest { CitizenId = Seeded.Residents[0].CitizenId }).ResponseAsync);
            denied += status == StatusCode.PermissionDenied ? 1 : 0;
        }
        var check = await new LicenceService.LicenceServiceClient(fixture.Cluster.GatewayCallsAs(ExchangeClients.CivilAffairs)).CheckMaterialsAsync(new CheckMaterialsRequest
        {
            ServiceItemCode = "CA-MARRIAGE-REGISTRATION",
            Applicants =
            {
                new Applicant { Role = "applicant", HolderId = "330106198812153739" },
                new Applicant { Role = "spouse", HolderId = "420106198511225649" },
            },
        });
        Assert.True(check.MaterialsExempted > 0);

        var page = await AdminPages.SignedInAsync(fixture, AdminUiFixture.Admin);
        await page.ClickAsync("header nav a:text('调用统计')");
        await page.FillAsync("#From", TimeZoneInfo.ConvertTime(from, Beijing).ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture));
        await page.ClickAsync("button:text('统计')");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("From="));
        await AdminPages.UntilTheGatewayAnswersAsync(page, async () => await page.ReloadAsync(), () => AdminPages.StatisticsAnsweredAsync(page));

        // Six data calls, the check itself, and the four facts it read (each applicant's residence and marriage records).
        await Expect(page.GetByTestId("total-calls")).ToHaveTextAsync("10");
        await Expect(page.GetByTestId("total-denials")).ToHaveTextAsync(denied.ToString(CultureInfo.InvariantCulture));
        await Expect(page.GetByTestId("total-exempted")).ToHaveTextAsync(check.MaterialsExempted.ToString(CultureInfo.InvariantCulture));
        await ExpectRow(page, "by-department", "data-department", "PUBLIC-SECURITY", calls: "3", denials: "0");
        await ExpectRow(page, "by-department", "data-department", "MARKET-REGULATION", calls: "2", denials: denied.ToString(CultureInfo.InvariantCulture));
        await ExpectRow(page, "by-department", "data-department", "CIVIL-AFFAIRS", calls: "5", denials: "0");
        await ExpectRow(page, "by-resource", "data-resource", "MR-ENTERPRISE-BASIC", calls: "3", denials: "0");
        await ExpectRow(page, "by-resource", "data-resource", "CA-MARRIAGE-RECORDS", calls: "4", denials: denied.ToString(CultureInfo.InvariantCulture));
        await ExpectRow(page, "by-resource", "data-resource", "PS-RESIDENT-BASIC", calls: "2", denials: "0");
        await Expect(page.Locator("[data-testid=by-resource] tr[data-resource='MR-ENTERPRISE-BASIC'] td[data-column=p95]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^(?!0\.0 ms)\d+\.\d ms$"));
        var materials = page.Locator("[data-testid=materials] tr[data-service-item='CA-MARRIAGE-REGISTRATION']");
        await Expect(materials.Locator("td[data-column=checks]")).ToHaveTextAsync("1");
        await Expect(materials.Locator("td[data-column=exempted]")).ToHaveTextAsync(check.MaterialsExempted.ToString(CultureInfo.InvariantCulture));

        var chart = page.GetByTestId("calls-chart");
        await Expect(chart.Locator("polyline[data-series='合计']")).ToHaveCountAsync(1);
        foreach (var consumer in new[] { "PUBLIC-SECURITY", "MARKET-REGULATION", "CIVIL-AFFAIRS" })
            await Expect(chart.Locator($"polyline[data-series='{consumer}']")).ToHaveCountAsync(1);
        // The fixture's second gateway is down: named on the page, and the first one's figures above still shown.
        await Expect(page.GetByTestId("gateway-problem")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("gateway-problem")).ToContainTextAsync($"无法连接网关 {fixture.DownGateway}");
        await Expect(page.GetByTestId("statistics-window")).ToContainTextAsync("1 / 2 个网关已响应");
        await BrowserFixture.ScreenshotAsync(page, "statistics");
    }

    private static async Task ExpectRow(IPage page, string table, string attribute, string key, string calls, string denials)
    {
        var row = page.Locator($"[data-testid={table}] tr[{attribute}='{key}']");
        await Expect(row.Locator("td[data-column=calls]")).ToHaveTextAsync(calls);
        await Expect(row.Locator("td[data-column=denials]")).ToHaveTextAsync(denials);
    }
}

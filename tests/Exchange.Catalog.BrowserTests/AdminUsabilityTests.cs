using Exchange.Client;
using Exchange.Protos.PublicSecurity.V1;
using Exchange.SyntheticData;
using Exchange.Testing;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Exchange.Catalog.BrowserTests;

/// <summary>
/// The admin UI usable without training (issue 15): names instead of codes and readable audit and statistics pages.
/// Every page's accessibility and widths, and the form with its errors, are <see cref="AdminListPageTests"/> and
/// <see cref="AdminFormPageTests"/>.
/// </summary>
[Collection(GatewayRecordsCollection.Name)]
public sealed class AdminUsabilityTests(AdminUiFixture fixture)
{
    private static readonly SyntheticPopulation Seeded = SyntheticPopulation.Generate();

    [Fact]
    public async Task The_audit_log_names_departments_and_outcomes_and_fits_methods_on_one_line()
    {
        var holder = Seeded.Residents[2].CitizenId;
        await CallAsync(ExchangeClients.MarketRegulation, holder);
        await UnauthenticatedCallAsync(holder);
        var page = await AdminPages.SignedInAsync(fixture, AdminUiFixture.Admin, path: "audit");
        await AdminPages.UntilTheGatewayAnswersAsync(page, async () => await page.ReloadAsync(), () => AdminPages.AuditAnsweredAsync(page));
        var records = page.GetByTestId("audit-records");
        await Expect(records).ToContainTextAsync("市场监督管理局");
        await Expect(records).ToContainTextAsync("拒绝：未认证");
        await Expect(records).Not.ToContainTextAsync("PERMISSION_DENIED");
        var method = (await records.Locator(".method").First.BoundingBoxAsync())!;
        Assert.True(method.Height < 24, $"a method name wraps over {method.Height} px");
        Assert.True(await records.Locator("tbody tr").CountAsync() <= 25);
        var height = await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");
        Assert.True(height < 3000, $"the audit page is {height} px tall");
        await BrowserFixture.ScreenshotAsync(page, "admin-audit");
    }

    [Fact]
    public async Task Statistics_name_unauthenticated_callers_and_chart_denials_and_p95()
    {
        var holder = Seeded.Residents[3].CitizenId;
        await CallAsync(ExchangeClients.MarketRegulation, holder);
        await UnauthenticatedCallAsync(holder);
        var page = await AdminPages.SignedInAsync(fixture, AdminUiFixture.Admin, path: "statistics?period=1h");
        await AdminPages.UntilTheGatewayAnswersAsync(page, async () => await page.ReloadAsync(), () => AdminPages.StatisticsAnsweredAsync(page));

        await Expect(page.GetByTestId("by-department").Locator("tr[data-department='']")).ToContainTextAsync("未认证的调用方");
        await Expect(page.GetByTestId("calls-chart").Locator("polyline[data-series='拒绝']")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("latency-chart").Locator("polyline")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("calls-chart-legend")).ToContainTextAsync("未认证的调用方");
        await BrowserFixture.ScreenshotAsync(page, "admin-statistics");
    }

    private async Task CallAsync(string clientId, string holder)
    {
        var population = new PopulationService.PopulationServiceClient(fixture.Cluster.GatewayCallsAs(clientId));
        await GrpcStatus.OfAsync(() => population.GetResidentAsync(new GetResidentRequest { CitizenId = holder }).ResponseAsync);
    }

    private async Task UnauthenticatedCallAsync(string holder)
    {
        using var channel = GrpcChannel.ForAddress(fixture.AuditGateway.Address, new GrpcChannelOptions { HttpHandler = TestPki.CreateHandler() });
        var population = new PopulationService.PopulationServiceClient(channel);
        var status = await GrpcStatus.OfAsync(() => population.GetResidentAsync(new GetResidentRequest { CitizenId = holder },
            ExchangeCallCredentials.ForCase("TEST-2026-000002", "未认证调用")).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, status);
    }
}

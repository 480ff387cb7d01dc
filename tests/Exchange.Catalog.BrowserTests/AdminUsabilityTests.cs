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
/// The admin UI usable without training (issue 15): Chinese everywhere, every form error at once, names instead of
/// codes, readable audit and statistics pages; each page accessible and usable at desktop width and on a phone.
/// </summary>
[Collection(AdminUiCollection.Name)]
public sealed class AdminUsabilityTests(AdminUiFixture fixture)
{
    private static readonly SyntheticPopulation Seeded = SyntheticPopulation.Generate();

    public static TheoryData<string> Pages() =>
    [
        "resources", "resources/PS-RESIDENT-BASIC", "resources/PS-RESIDENT-BASIC/edit", "drafts/new", "applications?state=all",
        "audit", "statistics", "service-items", "service-items/CA-MARRIAGE-REGISTRATION/edit",
    ];

    // Axe runs once per page, at desktop width: the admin pages have no script, and the narrow layout (admin.css,
    // max-width 760px) only stacks boxes and lets wide tables scroll inside their focusable box; it changes no colour,
    // name, role or label. What does depend on the width, sideways scrolling, is checked at both, each with a screenshot.
    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Every_page_is_accessible_and_never_scrolls_sideways_at_desktop_or_phone_width(string path)
    {
        var page = await AdminPages.SignedInAsync(fixture, AdminUiFixture.Admin, path: path);

        var name = $"admin-{path.Replace('/', '-').Replace('?', '-').Replace('=', '-')}";
        await BrowserFixture.AssertAccessibleAsync(page, name);
        await FitsBothWidthsAsync(page, name);
    }

    /// <summary>Its status, text and link are Exchange.Catalog.UnitTests' NotFoundPageTests; here how it looks and reads.</summary>
    [Fact]
    public async Task The_not_found_page_is_accessible_and_never_scrolls_sideways()
    {
        var page = await AdminPages.SignedInAsync(fixture, AdminUiFixture.Admin);

        var response = await page.GotoAsync(AdminPages.Url(fixture, "resources/NO-SUCH-RESOURCE"));
        Assert.Equal(404, response!.Status);
        await BrowserFixture.AssertAccessibleAsync(page, "admin 404");
        await FitsBothWidthsAsync(page, "admin-not-found");
    }

    /// <summary>At desktop width and then on a phone (the same tab, resized): a screenshot each, and no sideways scrolling.</summary>
    private static async Task FitsBothWidthsAsync(IPage page, string name)
    {
        foreach (var width in new[] { BrowserFixture.DesktopWidth, BrowserFixture.PhoneWidth })
        {
            await page.SetViewportSizeAsync(width, BrowserFixture.HeightFor(width));
            await BrowserFixture.ScreenshotAsync(page, $"{name}-{width}");
            await BrowserFixture.AssertNoSidewaysScrollAsync(page, $"{name} at {width} px");
        }
    }

    /// <summary>Which errors the form reports is Exchange.Catalog.UnitTests' ResourceFormTests; here that the messages read well and are tied to their fields.</summary>
    [Fact]
    public async Task The_form_with_its_errors_shown_is_accessible_and_never_scrolls_sideways()
    {
        var page = await AdminPages.SignedInAsync(fixture, AdminUiFixture.Admin, path: "drafts/new");

        await page.ClickAsync("button[type=submit].primary");

        await Expect(AdminPages.FieldError(page, "Form.Name")).ToHaveTextAsync("必填。");
        await BrowserFixture.AssertAccessibleAsync(page, "form with errors");
        await FitsBothWidthsAsync(page, "admin-form-all-errors");
    }

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

using Exchange.Client;
using Exchange.Protos.Catalog.V1;
using Exchange.Protos.PublicSecurity.V1;
using Exchange.SyntheticData;
using Exchange.Testing;
using Google.Protobuf.WellKnownTypes;
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

    [Fact]
    public async Task An_unknown_address_gets_a_Chinese_page_with_a_way_back()
    {
        var page = await AdminPages.SignedInAsync(fixture, AdminUiFixture.Admin);

        foreach (var path in new[] { "resources/NO-SUCH-RESOURCE", "no-such-page" })
        {
            var response = await page.GotoAsync(AdminPages.Url(fixture, path));
            Assert.Equal(404, response!.Status);
            await Expect(page.GetByTestId("not-found")).ToContainTextAsync("页面不存在");
            await Expect(page.Locator("a:text('返回资源目录')")).ToHaveCountAsync(1);
        }
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

    [Fact]
    public async Task An_empty_form_reports_every_error_at_once()
    {
        var page = await AdminPages.SignedInAsync(fixture, AdminUiFixture.Admin, path: "drafts/new");

        await page.ClickAsync("button[type=submit].primary");

        await Expect(AdminPages.FieldError(page, "Form.Code")).Not.ToBeEmptyAsync();
        await Expect(AdminPages.FieldError(page, "Form.Name")).ToHaveTextAsync("必填。");
        await BrowserFixture.ScreenshotAsync(page, "admin-form-all-errors");
    }

    [Fact]
    public async Task An_over_long_code_name_and_description_are_all_reported_and_the_server_limits_the_description()
    {
        var page = await AdminPages.SignedInAsync(fixture, AdminUiFixture.Admin, path: "drafts/new");
        await page.FillAsync("#Form_Code", new string('A', 80));
        await page.FillAsync("#Form_Name", new string('名', 201));
        // The browser's maxlength stops a person typing more; a crafted post must meet the server's own limit.
        await page.EvaluateAsync("() => document.getElementById('Form_Description').removeAttribute('maxlength')");
        await page.FillAsync("#Form_Description", new string('述', 2001));

        await page.ClickAsync("button[type=submit].primary");

        await Expect(AdminPages.FieldError(page, "Form.Code")).Not.ToBeEmptyAsync();
        await Expect(AdminPages.FieldError(page, "Form.Name")).ToHaveTextAsync("最多 200 个字符。");
        await Expect(AdminPages.FieldError(page, "Form.Description")).ToHaveTextAsync("最多 2000 个字符。");
    }

    [Fact]
    public async Task The_audit_log_names_departments_and_outcomes_fits_methods_on_one_line_and_explains_a_bad_holder()
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

        await page.FillAsync("#Holder", "123");
        await page.ClickAsync("button:text('查询')");
        await Expect(page.GetByTestId("holder-problem")).ToContainTextAsync("18 位");
        await BrowserFixture.ScreenshotAsync(page, "admin-audit-bad-holder");
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

    [Fact]
    public async Task An_application_shows_department_names_and_item_titles_and_a_revoked_one_no_validity()
    {
        var application = await ApplyAsync(ExchangeClients.MarketRegulation, "CA-MARRIAGE-RECORDS", ["citizen_id", "registered_date"]);
        await Access(ExchangeClients.CivilAffairs).ApproveAccessApplicationAsync(new ApproveAccessApplicationRequest { Id = application.Id, Note = "同意" });
        var page = await AdminPages.SignedInAsync(fixture, AdminUiFixture.Admin, path: "applications/" + application.Id);

        await Expect(page.GetByTestId("application-heading")).ToContainTextAsync("市场监督管理局 申请使用");
        await Expect(page.GetByTestId("application-heading")).Not.ToContainTextAsync("MARKET-REGULATION");
        await Expect(page.GetByTestId("application-items")).ToHaveTextAsync("公民身份号码、登记日期");
        await Expect(page.GetByTestId("validity")).ToContainTextAsync("至");

        await page.FillAsync("#revoke-reason", "业务已办结");
        await page.ClickAsync("[data-testid=revoke]");
        await Expect(page.GetByTestId("application-state")).ToHaveTextAsync("已撤销");
        await Expect(page.GetByTestId("validity")).ToHaveTextAsync("授权已撤销，不再有效");
        await BrowserFixture.ScreenshotAsync(page, "admin-application-revoked");
        await BrowserFixture.AssertAccessibleAsync(page, "application detail");
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

    private async Task<AccessApplication> ApplyAsync(string consumer, string resource, string[] items)
    {
        var now = DateTimeOffset.UtcNow;
        var application = new AccessApplication
        {
            ResourceCode = resource,
            Purpose = "浏览器测试申请",
            LegalBasis = "测试依据",
            ValidFrom = Timestamp.FromDateTimeOffset(now),
            ValidUntil = Timestamp.FromDateTimeOffset(now.AddDays(30)),
        };
        application.DataItems.Add(items);
        return (await Access(consumer).ApplyForAccessAsync(new ApplyForAccessRequest { Application = application })).Application;
    }

    private AccessService.AccessServiceClient Access(string clientId) => new(fixture.Cluster.CatalogCallsAs(clientId));
}

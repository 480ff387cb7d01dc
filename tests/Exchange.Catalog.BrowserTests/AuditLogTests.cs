using Exchange.Client;
using Exchange.Protos.PublicSecurity.V1;
using Exchange.SyntheticData;
using Exchange.Testing;
using Grpc.Core;
using Grpc.Net.Client;
using static Microsoft.Playwright.Assertions;

namespace Exchange.Catalog.BrowserTests;

/// <summary>The audit page shows the gateway's records by holder and checks the hash chain.</summary>
public sealed class AuditLogTests(AdminUiFixture fixture)
{
    private static readonly SyntheticPopulation Seeded = SyntheticPopulation.Generate();

    [Fact]
    public async Task Holder_filter_shows_who_used_the_data_for_which_case_and_the_chain_verifies()
    {
        var holder = Seeded.Residents[1].CitizenId;
        using var channel = GrpcChannel.ForAddress(fixture.AuditGateway.Address, new GrpcChannelOptions
        {
            HttpHandler = TestPki.CreateHandler(),
            Credentials = ChannelCredentials.Create(ChannelCredentials.SecureSsl,
                ExchangeCallCredentials.FromTokenProvider(fixture.Cluster.Tokens(ExchangeClients.MarketRegulation))),
        });
        var population = new PopulationService.PopulationServiceClient(channel);
        await population.GetResidentAsync(new GetResidentRequest { CitizenId = holder }, ExchangeCallCredentials.ForCase("SCJG-2026-0815", "市场主体登记核验法定代表人"));

        var page = await AdminPages.SignedInAsync(fixture, AdminUiFixture.Admin, path: "audit");
        await page.FillAsync("#Holder", holder);
        await page.ClickAsync("button:text('查询')");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("Holder="));
        await AdminPages.UntilTheGatewayAnswersAsync(page, async () => await page.ReloadAsync(), () => AdminPages.AuditAnsweredAsync(page));

        var records = page.GetByTestId("audit-records");
        await Expect(records.Locator("tbody tr")).ToHaveCountAsync(1);
        await Expect(records).ToContainTextAsync("市场监督管理局");
        await Expect(records.Locator("[data-column=outcome]")).ToHaveTextAsync("允许");
        await Expect(records).ToContainTextAsync("PS-RESIDENT-BASIC");
        await Expect(records).ToContainTextAsync("SCJG-2026-0815");
        await Expect(records).ToContainTextAsync("市场主体登记核验法定代表人");

        await page.ClickAsync("[data-testid=verify-chain]");
        await Expect(page.GetByTestId("chain-result").Or(page.GetByTestId("audit-error")).First).ToBeVisibleAsync();
        await AdminPages.UntilTheGatewayAnswersAsync(page, () => page.ClickAsync("[data-testid=verify-chain]"), () => AdminPages.AuditAnsweredAsync(page));
        await Expect(page.GetByTestId("chain-result")).ToContainTextAsync("哈希链完整");
        // The verify form keeps the filters.
        await Expect(page.GetByTestId("audit-records").Locator("tbody tr")).ToHaveCountAsync(1);
        await BrowserFixture.ScreenshotAsync(page, "audit-log");
    }
}

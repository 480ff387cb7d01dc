using Exchange.Protos.CivilAffairs.V1;
using Exchange.Protos.Catalog.V1;
using Exchange.SyntheticData;
using Exchange.Testing;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Exchange.Catalog.BrowserTests;

/// <summary>A provider's reviewer decides applications in the UI, and the gateway enforces the decision within seconds.</summary>
[Collection(AdminUiCollection.Name)]
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

    [Fact]
    public async Task Rejecting_needs_a_reason_and_leaves_the_consumer_denied()
    {
        var application = await ApplyAsync(ExchangeClients.MarketRegulation, "CA-MARRIAGE-RECORDS", ["kind", "registered_date"]);
        var page = await AdminPages.SignedInAsync(fixture, AdminUiFixture.CivilAffairsReviewer, path: "applications/" + application.Id);

        await page.ClickAsync("[data-testid=reject]");
        await Expect(page.GetByTestId("reject-reason-error")).ToContainTextAsync("必须填写理由");
        await Expect(page.GetByTestId("application-state")).ToHaveTextAsync("待审核");
        await BrowserFixture.ScreenshotAsync(page, "application-reject-needs-reason");

        await page.FillAsync("#reject-reason", "用途与婚姻登记信息无关");
        await page.ClickAsync("[data-testid=reject]");
        await Expect(page.GetByTestId("application-state")).ToHaveTextAsync("已驳回");
        await Expect(page.GetByTestId("decision-reason")).ToHaveTextAsync("用途与婚姻登记信息无关");

        var stored = (await Access(ExchangeClients.MarketRegulation).GetAccessApplicationAsync(new GetAccessApplicationRequest { Id = application.Id })).Application;
        Assert.Equal(AccessApplicationState.Rejected, stored.State);
        Assert.Equal(AdminUiFixture.CivilAffairsReviewer, stored.DecidedBy);
        // What the gateway learns of grants is the catalog's grant stream: after the rejection it holds no grant of this
        // application, so no wait can make the consumer's call pass.
        Assert.DoesNotContain(await GrantsTheGatewayGetsAsync(), grant => grant.ApplicationId == application.Id);
        Assert.Equal(StatusCode.PermissionDenied, await MarriageRecordsStatusAsync(ExchangeClients.MarketRegulation));
    }

    [Fact]
    public async Task Reviewer_of_another_department_cannot_decide()
    {
        var application = await ApplyAsync(ExchangeClients.MarketRegulation, "CA-MARRIAGE-RECORDS", ["kind"]);
        var page = await AdminPages.SignedInAsync(fixture, AdminUiFixture.PublicSecurityReviewer, path: "applications?state=all");
        await Expect(page.Locator($"tr[data-id='{application.Id}']")).ToHaveCountAsync(0);
        await page.GotoAsync(AdminPages.Url(fixture, "applications/" + application.Id));
        await Expect(page.Locator("h1")).ToHaveTextAsync("无权访问");

        // A forged post with a valid token from another page is refused by the domain as well.
        await page.GotoAsync(AdminPages.Url(fixture, "resources/PS-RESIDENT-BASIC"));
        var token = await page.Locator("header form input[name=__RequestVerificationToken]").GetAttributeAsync("value");
        var response = await page.APIRequest.PostAsync(AdminPages.Url(fixture, $"applications/{application.Id}?handler=Approve"),
            new APIRequestContextOptions { Form = page.APIRequest.CreateFormData().Set("__RequestVerificationToken", token!), MaxRedirects = 0 });
        Assert.StartsWith("/admin/denied", new Uri(response.Headers["location"]).AbsolutePath, StringComparison.Ordinal);
        var stored = (await Access(ExchangeClients.MarketRegulation).GetAccessApplicationAsync(new GetAccessApplicationRequest { Id = application.Id })).Application;
        Assert.Equal(AccessApplicationState.Pending, stored.State);
    }

    private static async Task OpenApplicationAsync(IPage page, string consumer, string resource)
    {
        var row = page.Locator($"tr[data-consumer='{consumer}'][data-resource='{resource}']").First;
        await row.Locator("a:text('查看')").ClickAsync();
        // The heading names the department and the resource in words; the codes stay in the details.
        await Expect(page.GetByTestId("application-heading")).ToContainTextAsync("申请使用");
        await Expect(page.Locator("dd a.mono").First).ToHaveTextAsync(resource);
    }

    private AccessService.AccessServiceClient Access(string clientId) => new(fixture.Cluster.CatalogCallsAs(clientId));

    /// <summary>The first message of the gateway's grant stream: every approved, unrevoked grant.</summary>
    private async Task<IReadOnlyList<Grant>> GrantsTheGatewayGetsAsync()
    {
        using var watch = Access(ExchangeClients.Gateway).WatchGrants(new WatchGrantsRequest(), deadline: DateTime.UtcNow.AddMinutes(1),
            cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(await watch.ResponseStream.MoveNext(TestContext.Current.CancellationToken));
        return watch.ResponseStream.Current.Snapshot.Grants;
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

    private Task<StatusCode> MarriageRecordsStatusAsync(string clientId) => GrpcStatus.OfAsync(() =>
        new CivilAffairsService.CivilAffairsServiceClient(fixture.Cluster.GatewayCallsAs(clientId))
            .GetMarriageRecordsAsync(new GetMarriageRecordsRequest { CitizenId = Seeded.Residents[0].CitizenId }).ResponseAsync);
}

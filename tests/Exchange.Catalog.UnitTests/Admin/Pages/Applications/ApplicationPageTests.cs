using System.Net;
using Exchange.Catalog.Access;
using Exchange.Catalog.Domain;
using Exchange.Catalog.UnitTests.InProcess;
using Exchange.Protos.Catalog.V1;
using Google.Protobuf.WellKnownTypes;

namespace Exchange.Catalog.UnitTests.Admin.Pages.Applications;

/// <summary>
/// Deciding an application on its page: a reason where one is required, only by the provider's reviewer, and names
/// instead of codes. That the gateway enforces a decision is tests/Exchange.Catalog.BrowserTests' ApplicationReviewTests.
/// </summary>
public sealed class ApplicationPageTests(CatalogHost host)
{
    private static readonly CatalogActor MarketRegulation = CatalogActor.ForDepartment("market-regulation", "MARKET-REGULATION");
    private static readonly CatalogActor CivilAffairs = CatalogActor.ForDepartment("civil-affairs", "CIVIL-AFFAIRS");

    [Fact]
    public async Task Rejecting_needs_a_reason_and_leaves_no_grant_for_the_gateway()
    {
        var application = await ApplyAsync(MarketRegulation, "CA-MARRIAGE-RECORDS", ["kind", "registered_date"]);
        using var session = await AdminSession.SignedInAsync(host, CatalogHost.CivilAffairsReviewer);
        var page = await session.GetAsync("applications/" + application.Id);

        var refused = await session.SubmitAsync(page, "[data-testid=reject]");
        Assert.Contains("必须填写理由", refused.TestId("reject-reason-error"), StringComparison.Ordinal);
        Assert.Equal("待审核", refused.TestId("application-state"));
        Assert.Equal(AccessApplicationState.Pending, (await StoredAsync(application.Id)).State);

        var rejected = await session.FollowAsync(await session.SubmitAsync(refused, "[data-testid=reject]", new() { ["Reason"] = ["用途与婚姻登记信息无关"] }));
        Assert.Equal("已驳回", rejected.TestId("application-state"));
        Assert.Equal("用途与婚姻登记信息无关", rejected.TestId("decision-reason"));

        var stored = await StoredAsync(application.Id);
        Assert.Equal(AccessApplicationState.Rejected, stored.State);
        Assert.Equal(CatalogHost.CivilAffairsReviewer, stored.DecidedBy);
        // What the gateway learns of grants is this snapshot and the changes after it: no grant of this application.
        var grants = await host.WithAsync<AccessApplications, GrantSnapshot>(a => a.SnapshotAsync(CancellationToken.None));
        Assert.DoesNotContain(grants.Grants, grant => grant.ApplicationId == application.Id);
    }

    [Fact]
    public async Task Reviewer_of_another_department_cannot_see_or_decide()
    {
        var application = await ApplyAsync(MarketRegulation, "CA-MARRIAGE-RECORDS", ["kind"]);
        using var session = await AdminSession.SignedInAsync(host, CatalogHost.PublicSecurityReviewer);

        Assert.Equal(0, (await session.GetAsync("applications?state=all")).Count($"tr[data-id='{application.Id}']"));
        Assert.Equal("无权访问", (await session.OpenAsync("applications/" + application.Id)).Text("h1"));

        // A forged post with a valid token from another page is refused by the domain as well.
        var other = await session.GetAsync("resources/PS-RESIDENT-BASIC");
        var token = other.Document.QuerySelector("header form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var posted = await session.PostAsync($"applications/{application.Id}?handler=Approve", [KeyValuePair.Create("__RequestVerificationToken", token)]);
        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        Assert.StartsWith("/admin/denied", posted.Location!.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal(AccessApplicationState.Pending, (await StoredAsync(application.Id)).State);
    }

    [Fact]
    public async Task An_application_shows_department_names_and_item_titles_and_a_revoked_one_no_validity()
    {
        var application = await ApplyAsync(MarketRegulation, "CA-MARRIAGE-RECORDS", ["citizen_id", "registered_date"]);
        await host.WithAsync<AccessApplications, AccessApplication>(a => a.ApproveAsync(CivilAffairs, application.Id, "同意", CancellationToken.None));
        using var session = await AdminSession.SignedInAsync(host, CatalogHost.Admin);
        var page = await session.GetAsync("applications/" + application.Id);

        Assert.Contains("市场监督管理局 申请使用", page.TestId("application-heading"), StringComparison.Ordinal);
        Assert.DoesNotContain("MARKET-REGULATION", page.TestId("application-heading"), StringComparison.Ordinal);
        Assert.Equal("公民身份号码、登记日期", page.TestId("application-items"));
        Assert.Contains("至", page.TestId("validity"), StringComparison.Ordinal);

        var refused = await session.SubmitAsync(page, "[data-testid=revoke]");
        Assert.Contains("必须填写理由", refused.TestId("revoke-reason-error"), StringComparison.Ordinal);
        Assert.Equal("已批准", refused.TestId("application-state"));

        var revoked = await session.FollowAsync(await session.SubmitAsync(refused, "[data-testid=revoke]", new() { ["Reason"] = ["业务已办结"] }));
        Assert.Equal("已撤销", revoked.TestId("application-state"));
        Assert.Equal("授权已撤销，不再有效", revoked.TestId("validity"));
    }

    private async Task<AccessApplication> ApplyAsync(CatalogActor consumer, string resource, string[] items)
    {
        var now = DateTimeOffset.UtcNow;
        var application = new AccessApplication
        {
            ResourceCode = resource,
            Purpose = "进程内测试申请",
            LegalBasis = "测试依据",
            ValidFrom = Timestamp.FromDateTimeOffset(now),
            ValidUntil = Timestamp.FromDateTimeOffset(now.AddDays(30)),
        };
        application.DataItems.Add(items);
        return await host.WithAsync<AccessApplications, AccessApplication>(a => a.ApplyAsync(consumer, application, CancellationToken.None));
    }

    private Task<AccessApplication> StoredAsync(string id) =>
        host.WithAsync<AccessApplications, AccessApplication>(a => a.GetAsync(CatalogActor.Administrator("test"), id, CancellationToken.None));
}

using Exchange.Protos.Catalog.V1;
using Exchange.Testing;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Exchange.Gateway.Tests;

/// <summary>
/// Grant decisions in the catalog reach the gateway within 5 seconds: approval, rejection, revocation, not shared. That a
/// grant stops at its end is the gateway's own decision by its clock, tested to the tick without waiting in
/// Exchange.Gateway.UnitTests (GrantAuthorizerTests.Grant_stops_at_its_end_to_the_tick).
/// </summary>
[Collection(SharedClusterCollection.Name)]
public sealed class GrantLifecycleTests(RecordedClusterFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    private ExchangeCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task Approved_application_allows_calls_until_it_is_revoked()
    {
        Assert.Equal(StatusCode.PermissionDenied, await ResourceCalls.StatusAsync(Cluster, ExchangeClients.MarketRegulation, "CA-MARRIAGE-RECORDS"));
        var application = await ApplyAsync(ExchangeClients.MarketRegulation, "CA-MARRIAGE-RECORDS", ["kind", "registered_date"], TimeSpan.FromDays(30));

        await Access(ExchangeClients.CivilAffairs).ApproveAccessApplicationAsync(new ApproveAccessApplicationRequest { Id = application.Id, Note = "同意" });
        TimeSpan granted;
        try
        {
            granted = await Eventually.WithinAsync(Bound, async () =>
                await ResourceCalls.StatusAsync(Cluster, ExchangeClients.MarketRegulation, "CA-MARRIAGE-RECORDS") == StatusCode.OK, "an approval takes effect");
        }
        catch
        {
            // The cluster is shared with classes that expect market regulation to hold no grant on marriage records.
            await Access(ExchangeClients.CivilAffairs).RevokeGrantAsync(new RevokeGrantRequest { Id = application.Id, Reason = "测试中止" });
            throw;
        }

        var revoked = await Access(ExchangeClients.CivilAffairs).RevokeGrantAsync(new RevokeGrantRequest { Id = application.Id, Reason = "事项已办结" });
        Assert.Equal(AccessApplicationState.Revoked, revoked.Application.State);
        var denied = await Eventually.WithinAsync(Bound, async () =>
            await ResourceCalls.StatusAsync(Cluster, ExchangeClients.MarketRegulation, "CA-MARRIAGE-RECORDS") == StatusCode.PermissionDenied, "a revocation takes effect");

        output.WriteLine($"approval took effect after {granted.TotalMilliseconds:F0} ms, revocation after {denied.TotalMilliseconds:F0} ms");
    }

    [Fact]
    public async Task Rejected_application_grants_nothing_and_says_why()
    {
        var application = await ApplyAsync(ExchangeClients.CivilAffairs, "MR-CREDIT-STATUS", ["credit_code", "serious_violations"], TimeSpan.FromDays(30));

        var rejected = await Access(ExchangeClients.MarketRegulation).RejectAccessApplicationAsync(
            new RejectAccessApplicationRequest { Id = application.Id, Reason = "用途与联合惩戒无关" });

        Assert.Equal(AccessApplicationState.Rejected, rejected.Application.State);
        Assert.Equal("用途与联合惩戒无关", rejected.Application.DecisionReason);
        // A rejection publishes no grant change (AccessApplicationsTests.Rejected_application_publishes_no_grant), so
        // there is nothing to wait for.
        Assert.Equal(StatusCode.PermissionDenied, await ResourceCalls.StatusAsync(Cluster, ExchangeClients.CivilAffairs, "MR-CREDIT-STATUS"));
    }

    [Fact]
    public async Task Not_shared_resource_is_open_to_its_provider_only()
    {
        var catalog = new CatalogService.CatalogServiceClient(Cluster.CatalogCallsAs(ExchangeClients.CatalogAdmin));
        var draft = (await catalog.GetResourceDraftAsync(new GetResourceDraftRequest { Code = "CA-SOCIAL-ORGANIZATION" })).Resource;
        var (shareType, shareCondition) = (draft.ShareType, draft.ShareCondition);
        draft.ShareType = ShareType.NotShared;
        draft.ShareCondition = "涉及社会组织内部管理信息，暂不共享。";
        await catalog.UpdateResourceDraftAsync(new UpdateResourceDraftRequest { Resource = draft });
        await catalog.PublishResourceAsync(new PublishResourceRequest { Code = "CA-SOCIAL-ORGANIZATION" });
        try
        {
            await Eventually.WithinAsync(Bound, async () =>
                await ResourceCalls.StatusAsync(Cluster, ExchangeClients.PublicSecurity, "CA-SOCIAL-ORGANIZATION") == StatusCode.PermissionDenied,
                "a resource that became not shared is closed to other departments");
            Assert.Equal(StatusCode.PermissionDenied, await ResourceCalls.StatusAsync(Cluster, ExchangeClients.MarketRegulation, "CA-SOCIAL-ORGANIZATION"));
            Assert.Equal(StatusCode.OK, await ResourceCalls.StatusAsync(Cluster, ExchangeClients.CivilAffairs, "CA-SOCIAL-ORGANIZATION"));
        }
        finally
        {
            // The cluster is shared with classes that read the seeded catalog: publish the resource as it was.
            draft.ShareType = shareType;
            draft.ShareCondition = shareCondition;
            await catalog.UpdateResourceDraftAsync(new UpdateResourceDraftRequest { Resource = draft });
            await catalog.PublishResourceAsync(new PublishResourceRequest { Code = "CA-SOCIAL-ORGANIZATION" });
        }
    }

    private AccessService.AccessServiceClient Access(string clientId) => new(Cluster.CatalogCallsAs(clientId));

    private async Task<AccessApplication> ApplyAsync(string consumer, string resource, string[] items, TimeSpan period)
    {
        var now = DateTimeOffset.UtcNow;
        var response = await Access(consumer).ApplyForAccessAsync(new ApplyForAccessRequest
        {
            Application = new AccessApplication
            {
                ResourceCode = resource,
                DataItems = { items },
                Purpose = "办理不动产登记核实婚姻状况",
                LegalBasis = "《不动产登记暂行条例实施细则》第十一条",
                ValidFrom = Timestamp.FromDateTimeOffset(now.AddSeconds(-1)),
                ValidUntil = Timestamp.FromDateTimeOffset(now + period),
            },
        });
        Assert.Equal(AccessApplicationState.Pending, response.Application.State);
        Assert.Equal(ExchangeClients.DepartmentOf(consumer), response.Application.ConsumerDepartmentCode);
        return response.Application;
    }
}

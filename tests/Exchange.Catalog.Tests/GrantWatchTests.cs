using Exchange.Protos.Catalog.V1;
using Exchange.Testing;
using Grpc.Core;

namespace Exchange.Catalog.Tests;

[Collection(SharedCatalogCollection.Name)]
public sealed class GrantWatchTests(CatalogProcess catalog)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Snapshot_of_grants_in_force_comes_first_then_grants_and_revocations_in_order()
    {
        using var watch = catalog.AccessAs(ExchangeClients.Gateway).WatchGrants(new WatchGrantsRequest(), deadline: DateTime.UtcNow.AddSeconds(60), cancellationToken: Ct);
        var snapshot = (await NextAsync(watch)).Snapshot;
        Assert.NotNull(snapshot);
        Assert.Contains(snapshot.Grants, g => g.ConsumerDepartmentCode == "CIVIL-AFFAIRS" && g.ResourceCode == "PS-RESIDENT-BASIC"
                                              && g.DataItems.SequenceEqual(["name", "gender", "birth_date", "status"]));
        Assert.Contains(snapshot.Grants, g => g.ConsumerDepartmentCode == "MARKET-REGULATION" && g.ResourceCode == "PS-RESIDENT-BASIC");
        Assert.DoesNotContain(snapshot.Grants, g => g.ResourceCode == "CA-MARRIAGE-RECORDS");
        Assert.True(snapshot.Revision > 0, "the demo approvals are grant changes");

        var civil = catalog.AccessAs(ExchangeClients.CivilAffairs);
        var market = catalog.AccessAs(ExchangeClients.MarketRegulation);
        var rejected = await ApplyAsync(civil, "MR-CREDIT-STATUS", "credit_code");
        await market.RejectAccessApplicationAsync(new RejectAccessApplicationRequest { Id = rejected.Id, Reason = "不符合共享条件" }, cancellationToken: Ct);
        var granted = await ApplyAsync(civil, "MR-CREDIT-STATUS", "credit_code", "serious_violations");
        await market.ApproveAccessApplicationAsync(new ApproveAccessApplicationRequest { Id = granted.Id }, cancellationToken: Ct);
        await market.RevokeGrantAsync(new RevokeGrantRequest { Id = granted.Id, Reason = "核查完毕" }, cancellationToken: Ct);

        var grant = (await NextAsync(watch)).Change;
        var revocation = (await NextAsync(watch)).Change;
        Assert.Equal((GrantChangeType.Granted, granted.Id, "CIVIL-AFFAIRS", "MR-CREDIT-STATUS"),
            (grant.Type, grant.Grant.ApplicationId, grant.Grant.ConsumerDepartmentCode, grant.Grant.ResourceCode));
        Assert.Equal(["credit_code", "serious_violations"], grant.Grant.DataItems);
        Assert.Equal(granted.ValidUntil, grant.Grant.ValidUntil);
        Assert.Equal((GrantChangeType.Revoked, granted.Id), (revocation.Type, revocation.Grant.ApplicationId));
        Assert.Equal(snapshot.Revision + 1, grant.Revision);
        Assert.Equal(grant.Revision + 1, revocation.Revision);

        using var later = catalog.AccessAs(ExchangeClients.CatalogAdmin).WatchGrants(new WatchGrantsRequest(), deadline: DateTime.UtcNow.AddSeconds(30), cancellationToken: Ct);
        var laterSnapshot = (await NextAsync(later)).Snapshot;
        Assert.Equal(revocation.Revision, laterSnapshot.Revision);
        Assert.DoesNotContain(laterSnapshot.Grants, g => g.ApplicationId == granted.Id || g.ApplicationId == rejected.Id);
    }

    [Fact]
    public async Task Only_gateways_and_catalog_admins_may_watch_grants()
    {
        using var anonymous = new AccessService.AccessServiceClient(catalog.Service.Channel).WatchGrants(new WatchGrantsRequest(), cancellationToken: Ct);
        using var department = catalog.AccessAs(ExchangeClients.PublicSecurity).WatchGrants(new WatchGrantsRequest(), cancellationToken: Ct);

        Assert.Equal(StatusCode.Unauthenticated, (await Assert.ThrowsAsync<RpcException>(() => anonymous.ResponseStream.MoveNext(Ct))).StatusCode);
        var denied = await Assert.ThrowsAsync<RpcException>(() => department.ResponseStream.MoveNext(Ct));
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
        Assert.Contains("gateway", denied.Status.Detail);
    }

    private static async Task<AccessApplication> ApplyAsync(AccessService.AccessServiceClient consumer, string resource, params string[] items) =>
        (await consumer.ApplyForAccessAsync(new ApplyForAccessRequest { Application = AccessApplicationTests.Application(resource, items) }, cancellationToken: Ct)).Application;

    private static async Task<WatchGrantsResponse> NextAsync(AsyncServerStreamingCall<WatchGrantsResponse> watch)
    {
        Assert.True(await watch.ResponseStream.MoveNext(Ct), "the watch stream ended");
        return watch.ResponseStream.Current;
    }
}

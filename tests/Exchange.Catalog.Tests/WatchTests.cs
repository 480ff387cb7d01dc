using Exchange.Protos.Catalog.V1;
using Grpc.Core;

namespace Exchange.Catalog.Tests;

[Collection(SharedCatalogCollection.Name)]
public sealed class WatchTests(CatalogProcess catalog)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private CatalogService.CatalogServiceClient Client => catalog.Admin;

    [Fact]
    public async Task Snapshot_comes_first_then_a_publish_and_a_deprecate_arrive_in_order()
    {
        using var watch = Client.WatchResources(new WatchResourcesRequest(), deadline: DateTime.UtcNow.AddSeconds(60), cancellationToken: Ct);
        var snapshot = (await NextAsync(watch)).Snapshot;
        Assert.NotNull(snapshot);
        Assert.True(snapshot.Revision > 0, "the seed's publishes are changes, so the revision has moved");
        Assert.Contains(snapshot.Resources, r => r.Code == "PS-RESIDENT-BASIC" && r.State == ResourceState.Published);

        var draft = TestResources.Complete(TestResources.NewCode("W"));
        await Client.CreateResourceDraftAsync(new CreateResourceDraftRequest { Resource = draft }, cancellationToken: Ct);
        await Client.PublishResourceAsync(new PublishResourceRequest { Code = draft.Code }, cancellationToken: Ct);
        await Client.DeprecateResourceAsync(new DeprecateResourceRequest { Code = draft.Code }, cancellationToken: Ct);

        var published = (await NextAsync(watch)).Change;
        var deprecated = (await NextAsync(watch)).Change;
        Assert.Equal((ResourceChangeType.Published, draft.Code, 1, ResourceState.Published),
            (published.Type, published.Resource.Code, published.Resource.Version, published.Resource.State));
        Assert.Equal((ResourceChangeType.Deprecated, draft.Code, 1, ResourceState.Deprecated),
            (deprecated.Type, deprecated.Resource.Code, deprecated.Resource.Version, deprecated.Resource.State));
        Assert.True(published.Revision > snapshot.Revision);
        Assert.True(deprecated.Revision > published.Revision);
    }

    [Fact]
    public async Task A_change_in_the_snapshot_is_not_sent_again_and_every_watcher_gets_later_changes()
    {
        var before = TestResources.Complete(TestResources.NewCode("W"));
        await Client.CreateResourceDraftAsync(new CreateResourceDraftRequest { Resource = before }, cancellationToken: Ct);
        await Client.PublishResourceAsync(new PublishResourceRequest { Code = before.Code }, cancellationToken: Ct);

        using var first = Client.WatchResources(new WatchResourcesRequest(), deadline: DateTime.UtcNow.AddSeconds(60), cancellationToken: Ct);
        using var second = Client.WatchResources(new WatchResourcesRequest(), deadline: DateTime.UtcNow.AddSeconds(60), cancellationToken: Ct);
        var firstSnapshot = (await NextAsync(first)).Snapshot;
        var secondSnapshot = (await NextAsync(second)).Snapshot;
        Assert.Contains(firstSnapshot.Resources, r => r.Code == before.Code);
        Assert.Equal(firstSnapshot.Revision, secondSnapshot.Revision);

        var after = TestResources.Complete(TestResources.NewCode("W"));
        await Client.CreateResourceDraftAsync(new CreateResourceDraftRequest { Resource = after }, cancellationToken: Ct);
        await Client.PublishResourceAsync(new PublishResourceRequest { Code = after.Code }, cancellationToken: Ct);

        var firstChange = (await NextAsync(first)).Change;
        var secondChange = (await NextAsync(second)).Change;
        Assert.Equal(after.Code, firstChange.Resource.Code);
        Assert.Equal(after.Code, secondChange.Resource.Code);
        Assert.Equal(firstSnapshot.Revision + 1, firstChange.Revision);
    }

    [Fact]
    public async Task Failed_publish_sends_no_change()
    {
        using var watch = Client.WatchResources(new WatchResourcesRequest(), deadline: DateTime.UtcNow.AddSeconds(60), cancellationToken: Ct);
        var snapshot = (await NextAsync(watch)).Snapshot;
        var incomplete = TestResources.Complete(TestResources.NewCode("W"));
        incomplete.DataItems.Clear();
        await Client.CreateResourceDraftAsync(new CreateResourceDraftRequest { Resource = incomplete }, cancellationToken: Ct);
        await Assert.ThrowsAsync<RpcException>(() =>
            Client.PublishResourceAsync(new PublishResourceRequest { Code = incomplete.Code }, cancellationToken: Ct).ResponseAsync);

        var marker = TestResources.Complete(TestResources.NewCode("W"));
        await Client.CreateResourceDraftAsync(new CreateResourceDraftRequest { Resource = marker }, cancellationToken: Ct);
        await Client.PublishResourceAsync(new PublishResourceRequest { Code = marker.Code }, cancellationToken: Ct);

        var change = (await NextAsync(watch)).Change;
        Assert.Equal(marker.Code, change.Resource.Code);
        Assert.Equal(snapshot.Revision + 1, change.Revision);
    }

    private static async Task<WatchResourcesResponse> NextAsync(AsyncServerStreamingCall<WatchResourcesResponse> watch)
    {
        Assert.True(await watch.ResponseStream.MoveNext(Ct), "the watch stream ended");
        return watch.ResponseStream.Current;
    }
}

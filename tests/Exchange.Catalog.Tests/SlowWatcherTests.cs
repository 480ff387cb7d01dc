using Exchange.Protos.Catalog.V1;
using Grpc.Core;

namespace Exchange.Catalog.Tests;

/// <summary>On the shared catalog, whose watch buffers hold <see cref="CatalogProcess.SubscriberBufferCapacity"/> changes.</summary>
[Collection(SharedCatalogCollection.Name)]
public sealed class SlowWatcherTests(CatalogProcess catalog)
{
    private const int Publishes = 40;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_watcher_that_stops_reading_is_dropped_and_does_not_hold_up_the_others()
    {
        var client = catalog.Client;
        var admin = catalog.Admin;
        using var slow = client.WatchResources(new WatchResourcesRequest(), cancellationToken: Ct);
        using var fast = client.WatchResources(new WatchResourcesRequest(), cancellationToken: Ct);
        Assert.True(await slow.ResponseStream.MoveNext(Ct));
        Assert.True(await fast.ResponseStream.MoveNext(Ct));
        var fastChanges = new List<ResourceChange>();
        var fastReader = Task.Run(async () =>
        {
            while (fastChanges.Count < Publishes && await fast.ResponseStream.MoveNext(Ct))
                fastChanges.Add(fast.ResponseStream.Current.Change);
        }, Ct);

        // Large versions fill the HTTP/2 window of the slow watcher quickly, so its buffer in the catalog overflows.
        var bulky = TestResources.Complete(TestResources.NewCode("SLOW"));
        for (var i = 0; i < 200; i++)
            bulky.DataItems.Add(new DataItem { Name = $"item_{i}", Title = new string('项', 40), Type = DataType.String, Sensitivity = Sensitivity.Internal });
        await admin.CreateResourceDraftAsync(new CreateResourceDraftRequest { Resource = bulky }, cancellationToken: Ct);
        for (var i = 0; i < Publishes; i++)
            await admin.PublishResourceAsync(new PublishResourceRequest { Code = bulky.Code }, cancellationToken: Ct);

        await fastReader.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        Assert.Equal(Enumerable.Range(1, Publishes), fastChanges.Select(c => c.Resource.Version));
        var dropped = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            while (await slow.ResponseStream.MoveNext(Ct))
            {
            }
        });
        Assert.Equal(StatusCode.ResourceExhausted, dropped.StatusCode);
    }
}

using System.Runtime.CompilerServices;
using Exchange.Catalog.Domain;
using Exchange.Protos.Catalog.V1;

namespace Exchange.Catalog.Watch;

/// <summary>One watcher's view: the published snapshot, then every later change, none missed or repeated.</summary>
public sealed class ResourceWatch(ResourceChangeFeed feed, ResourceCatalog catalog)
{
    public async IAsyncEnumerable<WatchResourcesResponse> EventsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Subscribing before the snapshot is read means a change committed in between is in both;
        // the revision filter below drops the copy, so nothing falls in the gap.
        using var subscription = feed.Subscribe();
        var snapshot = await catalog.SnapshotAsync(cancellationToken);
        yield return new WatchResourcesResponse { Snapshot = snapshot };

        await foreach (var change in subscription.Changes.ReadAllAsync(cancellationToken))
        {
            if (change.Revision > snapshot.Revision)
                yield return new WatchResourcesResponse { Change = change };
        }
    }
}

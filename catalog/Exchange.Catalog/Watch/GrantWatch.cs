using System.Runtime.CompilerServices;
using Exchange.Catalog.Access;
using Exchange.Protos.Catalog.V1;

namespace Exchange.Catalog.Watch;

/// <summary>One gateway's view of the grants: the snapshot of those in force, then every later change, none missed or repeated.</summary>
public sealed class GrantWatch(GrantChangeFeed feed, AccessApplications applications)
{
    public async IAsyncEnumerable<WatchGrantsResponse> EventsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // As for resources: subscribe first, then drop what the snapshot already holds.
        using var subscription = feed.Subscribe();
        var snapshot = await applications.SnapshotAsync(cancellationToken);
        yield return new WatchGrantsResponse { Snapshot = snapshot };

        await foreach (var change in subscription.Changes.ReadAllAsync(cancellationToken))
        {
            if (change.Revision > snapshot.Revision)
                yield return new WatchGrantsResponse { Change = change };
        }
    }
}

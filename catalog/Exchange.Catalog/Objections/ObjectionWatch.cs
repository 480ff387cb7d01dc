using System.Runtime.CompilerServices;
using Exchange.Protos.Objection.V1;

namespace Exchange.Catalog.Objections;

/// <summary>One gateway's view of the open objections: the snapshot, then every later change, none missed or repeated.</summary>
public sealed class ObjectionWatch(ObjectionChangeFeed feed, ObjectionRegister register)
{
    public async IAsyncEnumerable<WatchOpenObjectionsResponse> EventsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // As for grants: subscribe first, then drop what the snapshot already holds.
        using var subscription = feed.Subscribe();
        var snapshot = await register.SnapshotAsync(cancellationToken);
        yield return new WatchOpenObjectionsResponse { Snapshot = snapshot };

        await foreach (var change in subscription.Changes.ReadAllAsync(cancellationToken))
        {
            if (change.Revision > snapshot.Revision)
                yield return new WatchOpenObjectionsResponse { Change = change };
        }
    }
}

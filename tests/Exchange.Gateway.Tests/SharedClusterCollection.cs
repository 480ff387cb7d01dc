namespace Exchange.Gateway.Tests;

/// <summary>
/// One cluster for every test class that leaves its services running: those that only call (and so only add audit
/// records), those that change the catalog, the grants or objections, and those that start gateways of their own
/// beside it. They run one after another on it, so time-ranged counts see only their own calls, and each class that
/// changes something does so on resources and subjects no other class of the collection reads, or puts it back: one
/// cluster start serves them all. Its gateway reaches public security through a recording proxy, which
/// ContextReplayTests replays captured contexts from (the proxy only passes calls on). Classes that stop services share
/// the fault cluster (FaultClusterCollection).
/// </summary>
[CollectionDefinition(Name)]
public sealed class SharedClusterCollection : ICollectionFixture<RecordedClusterFixture>
{
    public const string Name = "Shared cluster for calls and changes";
}

using Exchange.Testing;

namespace Exchange.Gateway.Tests;

/// <summary>
/// One cluster for the test classes that change the catalog or the grants, or start gateways of their own beside it,
/// each on resources and stores no other class of the collection uses: they run one after another on it, so one
/// cluster start serves them all. Its gateway reaches public security through a recording proxy, which
/// ContextReplayTests replays captured contexts from (the proxy only passes calls on). Classes that stop services share
/// the fault cluster (FaultClusterCollection).
/// </summary>
[CollectionDefinition(Name)]
public sealed class ChangingClusterCollection : ICollectionFixture<RecordedClusterFixture>
{
    public const string Name = "Shared cluster for catalog and grant changes";
}

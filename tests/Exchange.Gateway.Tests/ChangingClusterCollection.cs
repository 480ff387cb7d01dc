using Exchange.Testing;

namespace Exchange.Gateway.Tests;

/// <summary>
/// One cluster for the test classes that change the catalog or the grants, or start gateways of their own beside it,
/// each on resources and stores no other class of the collection uses: they run one after another on it, so one
/// cluster start serves them all. Classes that stop services or tamper with the gateway's store keep a cluster of their own.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ChangingClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "Shared cluster for catalog and grant changes";
}

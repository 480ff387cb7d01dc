using Exchange.Testing;

namespace Exchange.Gateway.Tests;

/// <summary>
/// One cluster for every test class that changes neither the catalog, the grants nor the running services (calls only add
/// audit records, and the chain stays intact): they run one after another on it, so time-ranged counts see only their own calls.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SharedClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "Shared read-only cluster";
}

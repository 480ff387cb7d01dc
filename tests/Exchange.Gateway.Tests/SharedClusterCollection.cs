using Exchange.Testing;

namespace Exchange.Gateway.Tests;

/// <summary>One cluster for every test class that only reads: they run one after another on it.</summary>
[CollectionDefinition(Name)]
public sealed class SharedClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "Shared read-only cluster";
}

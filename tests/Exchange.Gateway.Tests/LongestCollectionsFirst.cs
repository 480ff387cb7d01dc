using Xunit.Sdk;
using Xunit.v3;

[assembly: TestCollectionOrderer(typeof(Exchange.Gateway.Tests.LongestCollectionsFirst))]

namespace Exchange.Gateway.Tests;

/// <summary>
/// Starts the test collections longest first. Each collection is a cluster of its own, and xUnit runs as many at a
/// time as the machine has cores (two in CI), by default in a random order: a run that drew the longest collection
/// last ran it alone at the end while the other core idled. Longest first, the short ones fill the gaps.
/// </summary>
public sealed class LongestCollectionsFirst : ITestCollectionOrderer
{
    // Longest first, by cluster start plus tests in a CI run; collections not named here follow, by name.
    private static readonly string[] Longest =
    [
        nameof(PostgreSqlClusterTests),
        FaultClusterCollection.Name,
        SharedClusterCollection.Name,
    ];

    public IReadOnlyCollection<TTestCollection> OrderTestCollections<TTestCollection>(IReadOnlyCollection<TTestCollection> testCollections)
        where TTestCollection : notnull, ITestCollection =>
        [.. testCollections.OrderBy(c => Rank(c)).ThenBy(c => c.TestCollectionDisplayName, StringComparer.Ordinal)];

    private static int Rank(ITestCollection collection)
    {
        var rank = Array.FindIndex(Longest, name => collection.TestCollectionDisplayName.Contains(name, StringComparison.Ordinal));
        return rank < 0 ? Longest.Length : rank;
    }
}

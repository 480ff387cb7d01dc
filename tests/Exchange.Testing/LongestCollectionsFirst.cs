using Xunit.Sdk;
using Xunit.v3;

namespace Exchange.Testing;

/// <summary>
/// Starts the test collections of a project longest first, the others after them by name. xUnit runs a few collections
/// at a time, by default in an order of its own: a long collection drawn last runs alone at the end while the others'
/// slots idle. A project names its longest collections in a subclass registered with <c>[assembly: TestCollectionOrderer]</c>.
/// </summary>
public abstract class LongestCollectionsFirst : ITestCollectionOrderer
{
    /// <summary>Names (or parts of the display names) of the longest collections, longest first.</summary>
    protected abstract IReadOnlyList<string> Longest { get; }

    public IReadOnlyCollection<TTestCollection> OrderTestCollections<TTestCollection>(IReadOnlyCollection<TTestCollection> testCollections)
        where TTestCollection : notnull, ITestCollection =>
        [.. testCollections.OrderBy(c => Rank(c)).ThenBy(c => c.TestCollectionDisplayName, StringComparer.Ordinal)];

    private int Rank(ITestCollection collection)
    {
        var longest = Longest;
        for (var rank = 0; rank < longest.Count; rank++)
        {
            if (collection.TestCollectionDisplayName.Contains(longest[rank], StringComparison.Ordinal))
                return rank;
        }
        return longest.Count;
    }
}

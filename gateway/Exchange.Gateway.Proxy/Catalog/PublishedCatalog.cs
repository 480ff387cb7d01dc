using System.Collections.Immutable;
using Exchange.Protos.Catalog.V1;

namespace Exchange.Gateway.Catalog;

/// <summary>
/// An immutable view of every published resource at one catalog revision. Applying a change yields a new
/// instance, so readers never see a half-applied update; it shares all but one path of the sorted tree with the
/// old one, so a change costs O(log n), not a copy of the catalog (10,000 published changes in a row stay cheap).
/// </summary>
public sealed class PublishedCatalog
{
    private PublishedCatalog(long revision, ImmutableSortedDictionary<string, Resource> resourcesByCode)
    {
        Revision = revision;
        ResourcesByCode = resourcesByCode;
    }

    public long Revision { get; }

    /// <summary>Published resources keyed by resource code, in ordinal order. The messages must not be mutated.</summary>
    public ImmutableSortedDictionary<string, Resource> ResourcesByCode { get; }

    public static PublishedCatalog FromSnapshot(ResourceSnapshot snapshot)
    {
        var resources = ImmutableSortedDictionary.CreateBuilder<string, Resource>(StringComparer.Ordinal);
        foreach (var resource in snapshot.Resources)
            resources[resource.Code] = resource;
        return new PublishedCatalog(snapshot.Revision, resources.ToImmutable());
    }

    /// <summary>
    /// The catalog after <paramref name="change"/>, or this instance when the change is already reflected
    /// (a revision not newer than ours).
    /// </summary>
    public PublishedCatalog Apply(ResourceChange change)
    {
        if (change.Revision <= Revision || change.Resource is null)
            return this;

        return change.Type switch
        {
            ResourceChangeType.Published => new PublishedCatalog(change.Revision, ResourcesByCode.SetItem(change.Resource.Code, change.Resource)),
            ResourceChangeType.Deprecated => new PublishedCatalog(change.Revision, ResourcesByCode.Remove(change.Resource.Code)),
            _ => new PublishedCatalog(change.Revision, ResourcesByCode),
        };
    }

    public ResourceSnapshot ToSnapshot()
    {
        var snapshot = new ResourceSnapshot { Revision = Revision };
        snapshot.Resources.AddRange(ResourcesByCode.Values);
        return snapshot;
    }
}

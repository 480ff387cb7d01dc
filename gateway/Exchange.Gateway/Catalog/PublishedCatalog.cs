using System.Collections.Frozen;
using Exchange.Protos.Catalog.V1;

namespace Exchange.Gateway.Catalog;

/// <summary>
/// An immutable view of every published resource at one catalog revision. Applying a change yields a new
/// instance, so readers never see a half-applied update.
/// </summary>
public sealed class PublishedCatalog
{
    private PublishedCatalog(long revision, FrozenDictionary<string, Resource> resourcesByCode)
    {
        Revision = revision;
        ResourcesByCode = resourcesByCode;
    }

    public long Revision { get; }

    /// <summary>Published resources keyed by resource code. The messages must not be mutated.</summary>
    public FrozenDictionary<string, Resource> ResourcesByCode { get; }

    public static PublishedCatalog FromSnapshot(ResourceSnapshot snapshot)
    {
        var resources = new Dictionary<string, Resource>(StringComparer.Ordinal);
        foreach (var resource in snapshot.Resources)
            resources[resource.Code] = resource;
        return new PublishedCatalog(snapshot.Revision, resources.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>
    /// The catalog after <paramref name="change"/>, or this instance when the change is already reflected
    /// (a revision not newer than ours).
    /// </summary>
    public PublishedCatalog Apply(ResourceChange change)
    {
        if (change.Revision <= Revision || change.Resource is null)
            return this;

        var resources = new Dictionary<string, Resource>(ResourcesByCode, StringComparer.Ordinal);
        switch (change.Type)
        {
            case ResourceChangeType.Published:
                resources[change.Resource.Code] = change.Resource;
                break;
            case ResourceChangeType.Deprecated:
                resources.Remove(change.Resource.Code);
                break;
            default:
                return new PublishedCatalog(change.Revision, ResourcesByCode);
        }
        return new PublishedCatalog(change.Revision, resources.ToFrozenDictionary(StringComparer.Ordinal));
    }

    public ResourceSnapshot ToSnapshot()
    {
        var snapshot = new ResourceSnapshot { Revision = Revision };
        foreach (var code in ResourcesByCode.Keys.Order(StringComparer.Ordinal))
            snapshot.Resources.Add(ResourcesByCode[code]);
        return snapshot;
    }
}

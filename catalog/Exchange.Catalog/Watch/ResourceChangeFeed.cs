using Exchange.Protos.Catalog.V1;
using Microsoft.Extensions.Options;

namespace Exchange.Catalog.Watch;

/// <summary>Published and deprecated resources, as the watch stream of CatalogService reports them.</summary>
public sealed class ResourceChangeFeed(IOptions<WatchOptions> options, IHostApplicationLifetime lifetime, ILogger<ResourceChangeFeed> logger)
    : ChangeFeed<ResourceChange>(options, lifetime, logger)
{
    protected override long RevisionOf(ResourceChange change) => change.Revision;
}

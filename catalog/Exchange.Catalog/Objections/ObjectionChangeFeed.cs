using Exchange.Catalog.Watch;
using Exchange.Protos.Objection.V1;
using Microsoft.Extensions.Options;

namespace Exchange.Catalog.Objections;

/// <summary>Objections opened and closed, as the WatchOpenObjections stream reports them.</summary>
public sealed class ObjectionChangeFeed(IOptions<WatchOptions> options, IHostApplicationLifetime lifetime, ILogger<ObjectionChangeFeed> logger)
    : ChangeFeed<OpenObjectionChange>(options, lifetime, logger)
{
    protected override long RevisionOf(OpenObjectionChange change) => change.Revision;
}

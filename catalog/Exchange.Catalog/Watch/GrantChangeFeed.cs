using Exchange.Protos.Catalog.V1;
using Microsoft.Extensions.Options;

namespace Exchange.Catalog.Watch;

/// <summary>Grants given and revoked, as the WatchGrants stream of AccessService reports them.</summary>
public sealed class GrantChangeFeed(IOptions<WatchOptions> options, IHostApplicationLifetime lifetime, ILogger<GrantChangeFeed> logger)
    : ChangeFeed<GrantChange>(options, lifetime, logger)
{
    protected override long RevisionOf(GrantChange change) => change.Revision;
}

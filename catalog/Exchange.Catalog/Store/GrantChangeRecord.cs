using Exchange.Protos.Catalog.V1;

namespace Exchange.Catalog.Store;

/// <summary>
/// One committed grant or revocation. Like <see cref="CatalogChange"/>, the autoincrement revision orders the
/// WatchGrants stream and separates its snapshot from the changes that follow.
/// </summary>
public sealed class GrantChangeRecord
{
    public long Revision { get; set; }
    public GrantChangeType Type { get; set; }
    public required string ApplicationId { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

using Exchange.Protos.Catalog.V1;

namespace Exchange.Catalog.Store;

/// <summary>
/// One committed change to the published catalog. The revision is the row's autoincrement key, so it only
/// ever grows, and the watch stream uses it to tell a snapshot apart from the changes that follow it.
/// </summary>
public sealed class CatalogChange
{
    public long Revision { get; set; }
    public ResourceChangeType Type { get; set; }
    public required string Code { get; set; }
    public int Version { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

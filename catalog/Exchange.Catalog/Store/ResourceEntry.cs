namespace Exchange.Catalog.Store;

/// <summary>A resource entry: its code and the working draft that the next publish turns into a version.</summary>
public sealed class ResourceEntry : ResourceDefinition
{
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

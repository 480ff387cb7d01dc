namespace Exchange.Catalog.Store;

/// <summary>One published version of a resource entry, kept for ever with the fields it was published with.</summary>
public sealed class ResourceVersion : ResourceDefinition
{
    public int Version { get; set; }
    public VersionState State { get; set; }
    public DateTimeOffset PublishTime { get; set; }
}

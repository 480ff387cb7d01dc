using Exchange.Protos.Catalog.V1;

namespace Exchange.Catalog.Store;

/// <summary>One data item of a resource, stored inside its owner's row as JSON.</summary>
public sealed class DataItemRecord
{
    public required string Name { get; set; }
    public string Title { get; set; } = string.Empty;
    public DataType Type { get; set; }
    public Sensitivity Sensitivity { get; set; }
}

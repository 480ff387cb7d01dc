using Exchange.Protos.Catalog.V1;

namespace Exchange.Catalog.Store;

/// <summary>
/// The fields a resource is described by. Not an entity of its own: the draft of an entry and every
/// published version each carry a full copy, so a version never changes when the draft does.
/// </summary>
public abstract class ResourceDefinition
{
    public required string Code { get; set; }
    public string Name { get; set; } = string.Empty;
    public string Description { get; set; } = string.Empty;
    public string ProviderDepartmentCode { get; set; } = string.Empty;
    public List<DataItemRecord> DataItems { get; set; } = [];
    public ShareType ShareType { get; set; }
    public string ShareCondition { get; set; } = string.Empty;
    public UpdateFrequency UpdateFrequency { get; set; }
    public string GrpcService { get; set; } = string.Empty;
    public List<string> GrpcMethods { get; set; } = [];
    public string Endpoint { get; set; } = string.Empty;
    public List<string> LicenceTypeCodes { get; set; } = [];
}

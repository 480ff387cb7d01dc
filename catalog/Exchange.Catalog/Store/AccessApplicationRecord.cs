using Exchange.Protos.Catalog.V1;

namespace Exchange.Catalog.Store;

/// <summary>An access application (共享申请) and, once approved, the grant it becomes.</summary>
public sealed class AccessApplicationRecord
{
    public required string Id { get; set; }
    public required string ConsumerDepartmentCode { get; set; }
    public required string ResourceCode { get; set; }
    public required string ProviderDepartmentCode { get; set; }
    public List<string> DataItems { get; set; } = [];
    public required string Purpose { get; set; }
    public required string LegalBasis { get; set; }
    public DateTimeOffset ValidFrom { get; set; }
    public DateTimeOffset ValidUntil { get; set; }
    public AccessApplicationState State { get; set; }
    public string DecisionReason { get; set; } = string.Empty;
    public string DecidedBy { get; set; } = string.Empty;
    public required string AppliedBy { get; set; }
    public DateTimeOffset CreateTime { get; set; }
    public DateTimeOffset? DecideTime { get; set; }
}

namespace Exchange.Catalog.Store;

/// <summary>A registered department.</summary>
public sealed class DepartmentRecord
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string CreditCode { get; set; } = string.Empty;
}

using Exchange.Protos.Catalog.V1;

namespace Exchange.Catalog.Store;

/// <summary>A government service item (政务服务事项) with its applicant roles and required materials, kept as one document.</summary>
public sealed class ServiceItemRecord
{
    public required string Code { get; set; }
    public string Name { get; set; } = string.Empty;
    public string DepartmentCode { get; set; } = string.Empty;
    public List<ApplicantRoleRecord> Roles { get; set; } = [];
    public List<MaterialRecord> Materials { get; set; } = [];

    /// <summary>The gateway's fact checks for the item, by rule code (see ServiceItem.rule_codes).</summary>
    public List<string> RuleCodes { get; set; } = [];

    /// <summary>Incremented on every save, so an edit made from a stale form is refused rather than lost.</summary>
    public int Revision { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>The administrator who last saved the item; empty for a seeded item.</summary>
    public string UpdatedBy { get; set; } = string.Empty;
}

public sealed class ApplicantRoleRecord
{
    public string Code { get; set; } = string.Empty;
    public string Title { get; set; } = string.Empty;
    public HolderKind HolderKind { get; set; }
}

/// <summary>A required material; at most one of LicenceTypeCode and ResourceCode says what replaces it.</summary>
public sealed class MaterialRecord
{
    public string Code { get; set; } = string.Empty;
    public string Name { get; set; } = string.Empty;
    public string Role { get; set; } = string.Empty;
    public string? LicenceTypeCode { get; set; }
    public string? ResourceCode { get; set; }
    public string Note { get; set; } = string.Empty;

    /// <summary>The items of the licence type the material needs, unqualified; empty for other materials.</summary>
    public List<string> LicenceDataItems { get; set; } = [];
}

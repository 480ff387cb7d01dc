using Exchange.Protos.Catalog.V1;

namespace Exchange.Catalog.Admin.Forms;

/// <summary>
/// The create / edit form of a service item: its roles, its materials (each replaced by a licence type, a shared
/// resource, or nothing) and the gateway's fact checks. Strings are nullable so that model binding adds no checks of
/// its own; <see cref="Licences.ServiceItemDefinitionRules"/> decides, and its errors are shown next to the fields.
/// </summary>
public sealed class ServiceItemForm
{
    public const int BlankRoleRows = 1;
    public const int BlankMaterialRows = 2;

    public string? Code { get; set; }
    public string? Name { get; set; }
    public string? DepartmentCode { get; set; }
    public List<string> RuleCodes { get; set; } = [];
    public List<RoleRow> Roles { get; set; } = [];
    public List<MaterialRow> Materials { get; set; } = [];

    /// <summary>The revision the form was read at; empty for a new item.</summary>
    public int? Revision { get; set; }

    public static ServiceItemForm From(ServiceItem item, int revision) => new()
    {
        Code = item.Code,
        Name = item.Name,
        DepartmentCode = item.DepartmentCode,
        RuleCodes = [.. item.RuleCodes],
        Roles = item.Roles.Select(r => new RoleRow { Code = r.Code, Title = r.Title, HolderKind = r.HolderKind }).ToList(),
        Materials = item.Materials.Select(MaterialRow.From).ToList(),
        Revision = revision,
    };

    public ServiceItemForm WithBlankRows()
    {
        while (Roles.Count(r => r.IsBlank) < BlankRoleRows)
            Roles.Add(new RoleRow());
        while (Materials.Count(m => m.IsBlank) < BlankMaterialRows)
            Materials.Add(new MaterialRow());
        return this;
    }

    /// <summary>The item the form describes; the row lists map each role and material back to its form row.</summary>
    public ServiceItem ToServiceItem(out IReadOnlyList<int> rowOfRole, out IReadOnlyList<int> rowOfMaterial)
    {
        var item = new ServiceItem
        {
            Code = Code?.Trim() ?? string.Empty,
            Name = Name?.Trim() ?? string.Empty,
            DepartmentCode = DepartmentCode ?? string.Empty,
            RuleCodes = { RuleCodes.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()) },
        };
        var roleRows = new List<int>();
        for (var i = 0; i < Roles.Count; i++)
        {
            if (Roles[i].IsBlank)
                continue;
            roleRows.Add(i);
            item.Roles.Add(new ApplicantRole { Code = Roles[i].Code?.Trim() ?? string.Empty, Title = Roles[i].Title?.Trim() ?? string.Empty, HolderKind = Roles[i].HolderKind });
        }
        var materialRows = new List<int>();
        for (var i = 0; i < Materials.Count; i++)
        {
            if (Materials[i].IsBlank)
                continue;
            materialRows.Add(i);
            item.Materials.Add(Materials[i].ToMaterial());
        }
        rowOfRole = roleRows;
        rowOfMaterial = materialRows;
        return item;
    }
}

public sealed class RoleRow
{
    public string? Code { get; set; }
    public string? Title { get; set; }
    public HolderKind HolderKind { get; set; }

    /// <summary>A row with neither code nor title is not a role (that is how a role is removed).</summary>
    public bool IsBlank => string.IsNullOrWhiteSpace(Code) && string.IsNullOrWhiteSpace(Title);
}

public sealed class MaterialRow
{
    public const string LicencePrefix = "licence:";
    public const string ResourcePrefix = "resource:";

    public string? Code { get; set; }
    public string? Name { get; set; }
    public string? Role { get; set; }

    /// <summary>What replaces the paper: <c>licence:RIDC</c>, <c>resource:PS-RESIDENT-BASIC</c>, or empty when it must be submitted.</summary>
    public string? ReplacedBy { get; set; }

    /// <summary>The licence items the material needs, separated by commas, spaces or lines.</summary>
    public string? LicenceDataItems { get; set; }

    public string? Note { get; set; }

    /// <summary>A row with neither code nor name is not a material (that is how a material is removed).</summary>
    public bool IsBlank => string.IsNullOrWhiteSpace(Code) && string.IsNullOrWhiteSpace(Name);

    public static MaterialRow From(Material material) => new()
    {
        Code = material.Code,
        Name = material.Name,
        Role = material.Role,
        ReplacedBy = material.ReplacementCase switch
        {
            Material.ReplacementOneofCase.LicenceTypeCode => LicencePrefix + material.LicenceTypeCode,
            Material.ReplacementOneofCase.ResourceCode => ResourcePrefix + material.ResourceCode,
            _ => string.Empty,
        },
        LicenceDataItems = string.Join(", ", material.LicenceDataItems),
        Note = material.Note,
    };

    public Material ToMaterial()
    {
        var material = new Material
        {
            Code = Code?.Trim() ?? string.Empty,
            Name = Name?.Trim() ?? string.Empty,
            Role = Role ?? string.Empty,
            Note = Note?.Trim() ?? string.Empty,
            LicenceDataItems = { ListText.Split(LicenceDataItems) },
        };
        var replacedBy = ReplacedBy?.Trim() ?? string.Empty;
        if (replacedBy.StartsWith(LicencePrefix, StringComparison.Ordinal))
            material.LicenceTypeCode = replacedBy[LicencePrefix.Length..];
        else if (replacedBy.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            material.ResourceCode = replacedBy[ResourcePrefix.Length..];
        return material;
    }
}

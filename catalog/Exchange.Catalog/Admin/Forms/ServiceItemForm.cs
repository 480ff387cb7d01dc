using System.ComponentModel.DataAnnotations;
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

    [Display(Name = "事项代码")]
    public string? Code { get; set; }
    [Display(Name = "名称")]
    public string? Name { get; set; }
    [Display(Name = "办理部门")]
    public string? DepartmentCode { get; set; }
    [Display(Name = "核查规则")]
    public List<string> RuleCodes { get; set; } = [];
    [Display(Name = "申请人角色")]
    public List<RoleRow> Roles { get; set; } = [];
    [Display(Name = "材料")]
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
    [Display(Name = "代码")]
    public string? Code { get; set; }
    [Display(Name = "名称")]
    public string? Title { get; set; }
    [Display(Name = "主体类型")]
    public HolderKind HolderKind { get; set; }

    /// <summary>A row with neither code nor title is not a role (that is how a role is removed).</summary>
    public bool IsBlank => string.IsNullOrWhiteSpace(Code) && string.IsNullOrWhiteSpace(Title);
}

public sealed class MaterialRow
{
    public const string LicencePrefix = "licence:";
    public const string ResourcePrefix = "resource:";

    [Display(Name = "编号")]
    public string? Code { get; set; }
    [Display(Name = "材料名称")]
    public string? Name { get; set; }
    [Display(Name = "角色")]
    public string? Role { get; set; }

    /// <summary>What replaces the paper: <c>licence:RIDC</c>, <c>resource:PS-RESIDENT-BASIC</c>, or empty when it must be submitted.</summary>
    [Display(Name = "替代方式")]
    public string? ReplacedBy { get; set; }

    /// <summary>The licence items the material needs, separated by commas, spaces or lines.</summary>
    [Display(Name = "所需证照数据项")]
    public string? LicenceDataItems { get; set; }

    [Display(Name = "说明")]
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

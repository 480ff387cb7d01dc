using System.Text.RegularExpressions;
using Exchange.Labels;
using Exchange.Protos.Catalog.V1;

namespace Exchange.Catalog.Licences;

/// <summary>What the catalog knows that a service item may refer to: departments and the published resources.</summary>
public sealed record ServiceItemReferences(IReadOnlySet<string> Departments, IReadOnlyList<Resource> PublishedResources);

/// <summary>
/// What makes a service item well formed. A material's licence items are a standing permission — the handling department
/// may read those items of an applicant's licences while it handles a case of the item — so every one must be an item
/// the licence type's published resource actually has, and every rule one the gateway runs.
/// </summary>
public static partial class ServiceItemDefinitionRules
{
    public const int MaxNameLength = 100;
    public const int MaxMaterialNameLength = 200;
    public const int MaxNoteLength = 500;
    public const int MaxTitleLength = 50;

    /// <summary>Every problem, as (field path, reason in Chinese); empty when the item may be saved.</summary>
    public static IReadOnlyList<(string Field, string Reason)> Problems(ServiceItem item, ServiceItemReferences references)
    {
        var problems = new List<(string, string)>();
        void Problem(string field, string reason) => problems.Add((field, reason));

        if (!CodePattern().IsMatch(item.Code))
            Problem("code", "必填：大写字母、数字和连字符，至少两段，最多 64 个字符，例如 CA-MARRIAGE-REGISTRATION。");
        if (string.IsNullOrWhiteSpace(item.Name) || item.Name.Length > MaxNameLength)
            Problem("name", $"必填，最多 {MaxNameLength} 个字符。");
        if (!references.Departments.Contains(item.DepartmentCode))
            Problem("department_code", "请选择办理部门（目录中登记的部门）。");

        if (item.Roles.Count == 0)
            Problem("roles", "至少需要一个申请人角色。");
        var roleCodes = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < item.Roles.Count; i++)
        {
            var role = item.Roles[i];
            if (!RoleCodePattern().IsMatch(role.Code))
                Problem($"roles[{i}].code", "小写字母、数字和下划线，以字母开头，例如 applicant。");
            else if (!roleCodes.Add(role.Code))
                Problem($"roles[{i}].code", $"角色代码 {role.Code} 重复。");
            if (string.IsNullOrWhiteSpace(role.Title) || role.Title.Length > MaxTitleLength)
                Problem($"roles[{i}].title", $"必填，最多 {MaxTitleLength} 个字符，例如 男方当事人。");
            if (role.HolderKind == HolderKind.Unspecified)
                Problem($"roles[{i}].holder_kind", "请选择自然人或法人。");
        }

        if (item.Materials.Count == 0)
            Problem("materials", "至少需要一项材料。");
        var materialCodes = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < item.Materials.Count; i++)
            MaterialProblems(item.Materials[i], $"materials[{i}]", roleCodes, materialCodes, references, Problem);

        var ruleCodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in item.RuleCodes)
        {
            if (MaterialRuleNames.Find(rule) is null)
                Problem("rule_codes", $"网关没有核查规则 {rule}。");
            else if (!ruleCodes.Add(rule))
                Problem("rule_codes", $"核查规则 {rule} 重复。");
        }
        return problems;
    }

    private static void MaterialProblems(
        Material material, string path, HashSet<string> roleCodes, HashSet<string> materialCodes, ServiceItemReferences references,
        Action<string, string> problem)
    {
        if (!MaterialCodePattern().IsMatch(material.Code))
            problem($"{path}.code", "大写字母、数字和连字符，最多 16 个字符，例如 M01。");
        else if (!materialCodes.Add(material.Code))
            problem($"{path}.code", $"材料编号 {material.Code} 重复。");
        if (string.IsNullOrWhiteSpace(material.Name) || material.Name.Length > MaxMaterialNameLength)
            problem($"{path}.name", $"必填，最多 {MaxMaterialNameLength} 个字符。");
        if (!roleCodes.Contains(material.Role))
            problem($"{path}.role", "请选择上面定义的申请人角色。");
        if (material.Note.Length > MaxNoteLength)
            problem($"{path}.note", $"最多 {MaxNoteLength} 个字符。");

        switch (material.ReplacementCase)
        {
            case Material.ReplacementOneofCase.LicenceTypeCode:
                var issuing = references.PublishedResources.FirstOrDefault(r => r.LicenceTypeCodes.Contains(material.LicenceTypeCode));
                if (issuing is null)
                {
                    problem($"{path}.licence_type_code", $"没有已发布的电子证照资源签发证照类型 {material.LicenceTypeCode}。");
                    break;
                }
                if (material.LicenceDataItems.Count == 0)
                    problem($"{path}.licence_data_items", "请列出该材料需要的证照数据项（只列需要的，例如 holder_id、name）。");
                var offered = issuing.DataItems.Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
                var unknown = material.LicenceDataItems.Where(d => !offered.Contains($"{material.LicenceTypeCode}.{d}")).ToList();
                if (unknown.Count > 0)
                    problem($"{path}.licence_data_items", $"资源 {issuing.Code} 的 {material.LicenceTypeCode} 证照没有数据项 {string.Join("、", unknown)}。");
                break;
            case Material.ReplacementOneofCase.ResourceCode:
                if (references.PublishedResources.All(r => r.Code != material.ResourceCode))
                    problem($"{path}.resource_code", $"资源 {material.ResourceCode} 不存在或未发布。");
                if (material.LicenceDataItems.Count > 0)
                    problem($"{path}.licence_data_items", "以共享数据替代的材料不使用证照数据项。");
                break;
            default:
                if (material.LicenceDataItems.Count > 0)
                    problem($"{path}.licence_data_items", "须提交的材料不使用证照数据项。");
                break;
        }
    }

    [GeneratedRegex(@"^(?=.{3,64}$)[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$")]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"^[a-z][a-z0-9_]{0,31}$")]
    private static partial Regex RoleCodePattern();

    [GeneratedRegex(@"^[A-Z0-9][A-Z0-9-]{0,15}$")]
    private static partial Regex MaterialCodePattern();
}

using Exchange.Labels;
using Exchange.Protos.Licence.V1;

namespace Exchange.Cli.Commands;

/// <summary>A CheckMaterials answer as a counter clerk reads it: the verdict, the applicants, the findings, then exempt and required materials.</summary>
internal static class MaterialCheckReport
{
    public static void Print(CheckMaterialsResponse response, TextWriter output)
    {
        var blocking = response.Findings.Count(f => f.Severity == FindingSeverity.Blocking);
        var toVerify = response.Findings.Count - blocking;
        output.WriteLine($"{response.ServiceItemName}（{response.ServiceItemCode}）");
        output.WriteLine(response.Blocked
            ? $"结论：不予受理 — {blocking} 项阻止受理的问题{(toVerify > 0 ? $"，另有 {toVerify} 项须核实" : "")}"
            : toVerify > 0 ? $"结论：可以受理，受理前须核实 {toVerify} 项" : "结论：可以受理");
        output.WriteLine($"免提交 {response.MaterialsExempted} 项，须提交 {response.MaterialsRequired} 项");

        output.WriteLine();
        output.WriteLine("申请人");
        foreach (var party in response.Parties)
        {
            var facts = string.Join("，", party.Facts.Where(f => f.Name is not ("姓名" or "名称")).Select(f => $"{f.Name} {f.Value}"));
            output.WriteLine($"  {party.RoleTitle}  {party.HolderId}  {(party.Name.Length > 0 ? party.Name : "（登记中无此人）")}{(facts.Length > 0 ? "  " + facts : "")}");
        }

        if (response.Findings.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("核查发现");
            foreach (var finding in response.Findings)
            {
                output.WriteLine($"  [{MaterialTerms.Of(finding.Severity)}] {finding.Title}（{finding.RuleCode}）");
                output.WriteLine($"      {finding.Detail}");
                if (finding.Evidence.Count > 0)
                    output.WriteLine($"      证据：{string.Join("；", finding.Evidence.Select(e => $"{e.Name} {e.Value}"))}");
                output.WriteLine($"      依据：{finding.LegalBasis}");
                if (finding.SourceDepartment.Length > 0 || finding.ResourceCode.Length > 0)
                    output.WriteLine($"      来源：{DepartmentNames.Of(finding.SourceDepartment, finding.SourceDepartment)} {finding.ResourceCode}".TrimEnd());
            }
        }

        output.WriteLine();
        output.WriteLine("免提交");
        foreach (var material in response.Materials.Where(m => m.Exempt))
        {
            var by = material.LicenceNumber.Length > 0 ? $"电子证照 {material.LicenceNumber}" : $"共享数据 {material.ResourceCode}";
            output.WriteLine($"  {material.MaterialCode} {material.MaterialName}（{material.HolderId}）← {by}，{DepartmentNames.Of(material.SourceDepartment, material.SourceDepartment)}");
            var confirmed = material.Confirmed.Where(f => f.Name != "证照编号").ToList();
            if (confirmed.Count > 0)
                output.WriteLine($"      已核实：{string.Join("，", confirmed.Select(f => $"{f.Name} {f.Value}"))}");
        }
        output.WriteLine();
        output.WriteLine("须提交");
        foreach (var material in response.Materials.Where(m => !m.Exempt))
            output.WriteLine($"  {material.MaterialCode} {material.MaterialName}（{MaterialTerms.Of(material.Outcome)}）{material.Reason.Replace("须提交：", "", StringComparison.Ordinal)}");
    }
}

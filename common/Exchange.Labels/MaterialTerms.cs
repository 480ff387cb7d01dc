using Exchange.Protos.Licence.V1;

namespace Exchange.Labels;

/// <summary>A material check's outcomes and finding severities in Chinese, as the clerk's slip and the CLI say them.</summary>
public static class MaterialTerms
{
    public static string Of(FindingSeverity severity) => severity switch
    {
        FindingSeverity.Blocking => "阻止受理",
        FindingSeverity.Warning => "须核实",
        FindingSeverity.CannotCheck => "无法核查",
        _ => "未分级",
    };

    public static string Of(MaterialOutcome outcome) => outcome switch
    {
        MaterialOutcome.Exempt => "免提交",
        MaterialOutcome.NoReplacement => "无可替代",
        MaterialOutcome.NotIssued => "未领证",
        MaterialOutcome.Revoked => "证照已注销",
        MaterialOutcome.Expired => "证照已过期",
        MaterialOutcome.NotShared => "未共享",
        MaterialOutcome.NoRecord => "无登记记录",
        MaterialOutcome.Unavailable => "暂时无法查询",
        _ => "须提交",
    };
}

using Exchange.Gateway.Licences.Facts;
using Exchange.Protos.Licence.V1;

namespace Exchange.Gateway.Licences.Rules;

/// <summary>Builds findings and their evidence the same way for every rule.</summary>
internal static class Findings
{
    public static Finding New<T>(string rule, FindingSeverity severity, Party? party, SharedFact<T> source, string title, string detail, string legalBasis,
        params Fact[] evidence) where T : class
    {
        var finding = new Finding
        {
            RuleCode = rule,
            Severity = severity,
            Role = party?.Role.Code ?? string.Empty,
            HolderId = party?.HolderId ?? string.Empty,
            Title = title,
            Detail = detail,
            LegalBasis = legalBasis,
            SourceDepartment = source.Department,
            ResourceCode = source.ResourceCode,
        };
        finding.Evidence.Add(evidence);
        return finding;
    }

    /// <summary>The rule could not look: the clerk checks by hand, and the finding says which data was missing and why.</summary>
    public static Finding CannotCheck<T>(string rule, Party? party, SharedFact<T> source, string what, string legalBasis) where T : class =>
        New(rule, FindingSeverity.CannotCheck, party, source, $"无法核查：{what}",
            $"{source.NotRead?.TrimEnd('.', '。')}。请人工核验，或向数据提供部门申请共享后重新核验。", legalBasis,
            Evidence("未能读取的数据资源", source.ResourceCode, source));

    public static Fact Evidence<T>(string name, string value, SharedFact<T> source) where T : class =>
        new() { Name = name, Value = value, SourceDepartment = source.Department, Source = source.ResourceCode };

    /// <summary>Evidence the applicant's id itself proves (GB 11643 encodes birth date and sex), no data read.</summary>
    public static Fact FromId(string name, string value) =>
        new() { Name = name, Value = value, Source = "公民身份号码（GB 11643）" };

    /// <summary>A finding the applicants' ids prove by themselves (sex and birth date, GB 11643), no data read.</summary>
    public static Finding FromIds(string rule, FindingSeverity severity, Party? party, string title, string detail, string legalBasis, params Fact[] evidence)
    {
        var finding = new Finding
        {
            RuleCode = rule,
            Severity = severity,
            Role = party?.Role.Code ?? string.Empty,
            HolderId = party?.HolderId ?? string.Empty,
            Title = title,
            Detail = detail,
            LegalBasis = legalBasis,
        };
        finding.Evidence.Add(evidence);
        return finding;
    }

    /// <summary>
    /// The service item names a check this gateway has no rule for (a catalog newer than the gateway, or a typing slip):
    /// reported, never skipped, so no application passes a check that did not run.
    /// </summary>
    public static Finding UnknownRule(string rule) => new()
    {
        RuleCode = rule,
        Severity = FindingSeverity.CannotCheck,
        Title = $"无法核查：本网关没有核查规则 {rule}",
        Detail = $"该事项要求核查 {rule}，但本网关的规则集中没有此规则（可能是目录比网关新）。请人工核查，并请平台管理员升级网关或更正事项的核查规则。",
    };

    public static IReadOnlyList<Finding> None { get; } = [];

    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

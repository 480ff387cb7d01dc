namespace Exchange.Labels;

/// <summary>A fact check the gateway applies to an application: its code, its title, and what it looks at.</summary>
public sealed record MaterialRuleName(string Code, string Title, string Checks);

/// <summary>
/// The gateway's fact checks, by the code a service item lists them under (ServiceItem.rule_codes): the admin UI offers
/// these, the catalog accepts only these, and the gateway has one rule class for each (a test holds the two together).
/// </summary>
public static class MaterialRuleNames
{
    /// <summary>Applies to every service item, listed or not.</summary>
    public const string IdentityAlive = "IDENTITY-ALIVE";

    public static IReadOnlyList<MaterialRuleName> All { get; } =
    [
        new(IdentityAlive, "身份有效且在世", "每位申请人在户籍登记中存在、在世、户籍有效（所有事项均适用）。"),
        new("MARRIAGE-PARTIES", "一男一女、两个不同的人", "结婚登记双方为一男一女，且不是同一人（民法典第一千零四十六条、第一千零四十九条）。"),
        new("MARRIAGE-AGE", "达到法定婚龄", "男方年满 22 周岁，女方年满 20 周岁（民法典第一千零四十七条）。"),
        new("MARRIAGE-NOT-MARRIED", "双方均无配偶", "以婚姻登记的最近一次记录（结婚或离婚）判断双方现在均无配偶（民法典第一千零四十二条）。"),
        new("CREDIT-MARKET-ENTRY", "失信主体市场准入限制", "法定代表人和每位自然人股东名下企业是否列入严重违法失信名单（一处失信、处处受限）。"),
        new("COMPANY-LAW-178", "被吊销企业的法定代表人", "担任被吊销营业执照企业法定代表人的，三年内不得担任（公司法第一百七十八条），提示窗口人员核实。"),
        new("CREDIT-ENTERPRISE-LISTING", "企业本身的登记和信用状况", "申请企业是否存续，是否列入严重违法失信名单或经营异常名录。"),
    ];

    public static MaterialRuleName? Find(string code) => All.FirstOrDefault(rule => rule.Code == code);

    /// <summary>The rule's title, or its code when it is not one of these.</summary>
    public static string TitleOf(string code) => Find(code)?.Title ?? code;
}

namespace Exchange.Labels;

/// <summary>
/// The titles of the founding resources and their data items as the catalog seeds them (a test holds the two together),
/// so pages can name what was used or objected to (户籍地址, not registered_address). E-licence items, qualified by their
/// licence type (RIDC.address), take the titles of the licence type's schema.
/// </summary>
public static class DataItemTitles
{
    private static readonly Dictionary<string, ResourceTitles> Resources = new(StringComparer.Ordinal)
    {
        ["PS-RESIDENT-BASIC"] = new("居民户籍基本信息", new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["citizen_id"] = "公民身份号码",
            ["name"] = "姓名",
            ["gender"] = "性别",
            ["birth_date"] = "出生日期",
            ["ethnicity"] = "民族",
            ["registered_address"] = "户籍地址",
            ["status"] = "人口状态",
        }),
        ["PS-IDENTITY-CHECK"] = new("居民身份核验", new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["match"] = "核验结果",
        }),
        ["MR-ENTERPRISE-BASIC"] = new("企业登记基本信息", new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["credit_code"] = "统一社会信用代码",
            ["name"] = "企业名称",
            ["type"] = "企业类型",
            ["legal_representative_name"] = "法定代表人姓名",
            ["legal_representative_citizen_id"] = "法定代表人公民身份号码",
            ["registered_capital_yuan"] = "注册资本（元）",
            ["established_date"] = "成立日期",
            ["address"] = "住所",
            ["business_scope"] = "经营范围",
            ["status"] = "登记状态",
            ["registration_authority"] = "登记机关",
            ["match"] = "核验结果",
        }),
        ["MR-CREDIT-STATUS"] = new("企业信用状况", new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["credit_code"] = "统一社会信用代码",
            ["abnormal_operations"] = "经营异常名录",
            ["serious_violations"] = "严重违法失信名单",
        }),
        ["MR-REPRESENTED-ENTERPRISES"] = new("法定代表人任职企业", new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["citizen_id"] = "公民身份号码",
            ["credit_code"] = "统一社会信用代码",
            ["name"] = "企业名称",
            ["status"] = "登记状态",
        }),
        ["CA-MARRIAGE-RECORDS"] = new("婚姻登记信息", new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["citizen_id"] = "公民身份号码",
            ["kind"] = "登记类别",
            ["registered_date"] = "登记日期",
            ["registration_office"] = "登记机关",
            ["certificate_number"] = "证件编号",
            ["spouse_name"] = "配偶姓名",
            ["spouse_masked_citizen_id"] = "配偶公民身份号码（脱敏）",
        }),
        ["CA-SOCIAL-ORGANIZATION"] = new("社会组织登记信息", new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["credit_code"] = "统一社会信用代码",
            ["name"] = "社会组织名称",
            ["type"] = "社会组织类型",
            ["legal_representative_name"] = "法定代表人姓名",
            ["legal_representative_citizen_id"] = "法定代表人公民身份号码",
            ["registration_authority"] = "登记管理机关",
            ["registered_date"] = "成立登记日期",
            ["address"] = "住所",
            ["business_scope"] = "业务范围",
            ["status"] = "登记状态",
        }),
        ["PS-ELICENCE"] = new("居民身份证电子证照", new Dictionary<string, string>(StringComparer.Ordinal)),
        ["MR-ELICENCE"] = new("营业执照电子证照", new Dictionary<string, string>(StringComparer.Ordinal)),
        ["CA-ELICENCE"] = new("婚姻登记与社会组织登记电子证照", new Dictionary<string, string>(StringComparer.Ordinal)),
    };

    /// <summary>The resource's name, or its code when it is not one of the founding resources.</summary>
    public static string ResourceName(string resourceCode) =>
        Resources.TryGetValue(resourceCode, out var resource) ? resource.Name : resourceCode;

    /// <summary>The item's title in the resource; a licence item's from its type's schema; otherwise the item as written.</summary>
    public static string Of(string resourceCode, string item)
    {
        var dot = item.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0 && LicenceSchemas.All.Any(s => s.Code == item[..dot]))
            return LicenceSchemas.Of(item[..dot]).TitleOf(item[(dot + 1)..]);
        return Resources.TryGetValue(resourceCode, out var resource) && resource.Items.TryGetValue(item, out var title) ? title : item;
    }

    /// <summary>Every founding resource's items with their titles, for the test that holds this table and the catalog's seed together.</summary>
    public static IEnumerable<(string Resource, string Item, string Title)> All =>
        Resources.SelectMany(r => r.Value.Items.Select(i => (r.Key, i.Key, i.Value)));

    private sealed record ResourceTitles(string Name, IReadOnlyDictionary<string, string> Items);
}

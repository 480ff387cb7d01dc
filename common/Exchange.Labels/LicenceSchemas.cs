using System.Globalization;

namespace Exchange.Labels;

/// <summary>One item of a licence type: its key in the signed licence, its title on the paper certificate, and its unit.</summary>
public sealed record LicenceItemSchema(string Key, string Title, string? Unit = null)
{
    /// <summary>The value as the certificate prints it: an amount with its unit and thousands grouped.</summary>
    public string Display(string value)
    {
        if (Unit is null || value.Length == 0)
            return value;
        return decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount)
            ? amount.ToString("#,0.##", CultureInfo.InvariantCulture) + " " + Unit
            : value + " " + Unit;
    }
}

/// <summary>
/// A licence type as its paper certificate shows it: name, what the holder is called (a person's 姓名, an
/// organisation's 名称), and the items in the certificate's order.
/// </summary>
public sealed record LicenceTypeSchema(string Code, string Name, string HolderTitle, string HolderIdTitle, IReadOnlyList<LicenceItemSchema> Items)
{
    private const int UnknownOrder = int.MaxValue;

    /// <summary>
    /// The items given, in the certificate's order with their titles and units; an item this schema does not know
    /// comes last under its key, so nothing returned is hidden.
    /// </summary>
    public IReadOnlyList<(string Title, string Value)> Arrange(IEnumerable<KeyValuePair<string, string>> items) =>
        items.Select(item =>
            {
                var index = IndexOf(item.Key);
                return index < 0
                    ? (Order: UnknownOrder, Key: item.Key, Title: item.Key, Value: item.Value)
                    : (Order: index, Key: item.Key, Title: Items[index].Title, Value: Items[index].Display(item.Value));
            })
            .OrderBy(i => i.Order).ThenBy(i => i.Key, StringComparer.Ordinal)
            .Select(i => (i.Title, i.Value))
            .ToList();

    /// <summary>The title of one item, or its key when the schema does not know it.</summary>
    public string TitleOf(string key) => key switch
    {
        // The holder's own fields, as licence grants and presentation codes name them beside the data items.
        "holder_id" => HolderIdTitle,
        "holder_name" => HolderTitle,
        _ => IndexOf(key) is >= 0 and var index ? Items[index].Title : key,
    };

    private int IndexOf(string key)
    {
        for (var i = 0; i < Items.Count; i++)
        {
            if (Items[i].Key == key)
                return i;
        }
        return -1;
    }
}

/// <summary>The licence types Exchange's issuers sign, in one place for the clerk page, the admin UI and the CLI.</summary>
public static class LicenceSchemas
{
    public static readonly LicenceTypeSchema IdentityCard = new("RIDC", "居民身份证", "姓名", "公民身份号码",
    [
        new("name", "姓名"), new("gender", "性别"), new("ethnicity", "民族"), new("birth_date", "出生"),
        new("address", "住址"), new("citizen_id", "公民身份号码"),
    ]);

    public static readonly LicenceTypeSchema BusinessLicence = new("BLIC", "营业执照", "名称", "统一社会信用代码",
    [
        new("credit_code", "统一社会信用代码"), new("name", "名称"), new("enterprise_type", "类型"),
        new("legal_representative", "法定代表人"), new("business_scope", "经营范围"),
        new("registered_capital_yuan", "注册资本", "元"), new("established_date", "成立日期"), new("address", "住所"),
        new("registration_authority", "登记机关"),
    ]);

    public static readonly LicenceTypeSchema MarriageCertificate = new("MARC", "结婚证", "持证人", "公民身份号码",
    [
        new("registration_date", "登记日期"), new("certificate_number", "结婚证字号"),
        new("husband_name", "男方姓名"), new("husband_citizen_id", "男方身份证件号"),
        new("wife_name", "女方姓名"), new("wife_citizen_id", "女方身份证件号"),
        new("registration_office", "登记机关"),
    ]);

    public static readonly LicenceTypeSchema SocialOrganisationCertificate = new("SORC", "社会组织登记证书", "名称", "统一社会信用代码",
    [
        new("certificate_kind", "证书类别"), new("credit_code", "统一社会信用代码"), new("name", "名称"),
        new("address", "住所"), new("business_scope", "业务范围"), new("legal_representative", "法定代表人"),
        new("registered_date", "成立登记日期"), new("registration_authority", "登记管理机关"),
    ]);

    public static IReadOnlyList<LicenceTypeSchema> All { get; } = [IdentityCard, BusinessLicence, MarriageCertificate, SocialOrganisationCertificate];

    /// <summary>The schema of a type code; an unknown type gets a schema that shows its items under their keys.</summary>
    public static LicenceTypeSchema Of(string typeCode) =>
        All.FirstOrDefault(s => s.Code == typeCode) ?? new LicenceTypeSchema(typeCode, typeCode, "持证主体", "持证主体代码", []);

    /// <summary>The type's name, for example 营业执照.</summary>
    public static string NameOf(string typeCode) => Of(typeCode).Name;
}

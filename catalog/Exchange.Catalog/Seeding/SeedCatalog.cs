using Exchange.Labels;
using Exchange.Protos.Catalog.V1;

namespace Exchange.Catalog.Seeding;

/// <summary>
/// The founding departments and the resources their adapters serve. Data item names are the field names
/// of the provider's response messages, so the gateway and adapters can minimise responses by them.
/// </summary>
public static class SeedCatalog
{
    public const string PublicSecurity = "PUBLIC-SECURITY";
    public const string MarketRegulation = "MARKET-REGULATION";
    public const string CivilAffairs = "CIVIL-AFFAIRS";
    public const string Portal = OwnClientCodes.Portal;

    private const string PopulationService = "exchange.publicsecurity.v1.PopulationService";
    private const string EnterpriseService = "exchange.marketregulation.v1.EnterpriseService";
    private const string CivilAffairsService = "exchange.civilaffairs.v1.CivilAffairsService";
    private const string LicenceIssuerService = Domain.PublicationCheck.LicenceIssuerService;
    private static readonly string[] LicenceIssuerMethods = ["ListLicences", "GetLicence", "RevokeLicence", "ListIssuerKeys"];

    public static IReadOnlyList<Department> Departments() =>
    [
        new() { Code = PublicSecurity, Name = "公安厅" },
        new() { Code = MarketRegulation, Name = "市场监督管理局" },
        new() { Code = CivilAffairs, Name = "民政厅" },
        new() { Code = Portal, Name = "政务服务门户" },
    ];

    public static IReadOnlyList<Resource> Resources(SeedEndpoints endpoints) =>
    [
        Resource("PS-RESIDENT-BASIC", "居民户籍基本信息",
            "公安人口库中居民的户籍登记基本信息，用于办理婚姻登记、社会保障、不动产登记等事项时核实申请人身份与户籍，免于提交户口簿复印件。",
            PublicSecurity, endpoints.PublicSecurity, PopulationService, ["GetResident"],
            ShareType.Conditional, "仅限办理政务服务事项时使用，须提供办件编号和用途，经公安厅审核同意后共享；不得用于事项以外的目的。",
            UpdateFrequency.RealTime,
            [
                Item("citizen_id", "公民身份号码", DataType.String, Sensitivity.Sensitive),
                Item("name", "姓名", DataType.String, Sensitivity.Sensitive),
                Item("gender", "性别", DataType.Enum, Sensitivity.Internal),
                Item("birth_date", "出生日期", DataType.Date, Sensitivity.Sensitive),
                Item("ethnicity", "民族", DataType.String, Sensitivity.Internal),
                Item("registered_address", "户籍地址", DataType.String, Sensitivity.Sensitive),
                Item("status", "人口状态", DataType.Enum, Sensitivity.Internal),
            ]),
        Resource("PS-IDENTITY-CHECK", "居民身份核验",
            "核验公民身份号码与姓名是否一致，只返回核验结果，不披露其他户籍信息。",
            PublicSecurity, endpoints.PublicSecurity, PopulationService, ["VerifyIdentity"],
            ShareType.Unconditional, string.Empty, UpdateFrequency.RealTime,
            [
                Item("match", "核验结果", DataType.Boolean, Sensitivity.Public),
            ]),
        Resource("MR-ENTERPRISE-BASIC", "企业登记基本信息",
            "市场主体登记中企业的基本登记信息及企业名称与统一社会信用代码的一致性核验，替代营业执照复印件。",
            MarketRegulation, endpoints.MarketRegulation, EnterpriseService, ["GetEnterprise", "VerifyEnterprise"],
            ShareType.Unconditional, string.Empty, UpdateFrequency.RealTime,
            [
                Item("credit_code", "统一社会信用代码", DataType.String, Sensitivity.Public),
                Item("name", "企业名称", DataType.String, Sensitivity.Public),
                Item("type", "企业类型", DataType.Enum, Sensitivity.Public),
                Item("legal_representative_name", "法定代表人姓名", DataType.String, Sensitivity.Public),
                Item("legal_representative_citizen_id", "法定代表人公民身份号码", DataType.String, Sensitivity.Sensitive),
                Item("registered_capital_yuan", "注册资本（元）", DataType.Integer, Sensitivity.Public),
                Item("established_date", "成立日期", DataType.Date, Sensitivity.Public),
                Item("address", "住所", DataType.String, Sensitivity.Public),
                Item("business_scope", "经营范围", DataType.String, Sensitivity.Public),
                Item("status", "登记状态", DataType.Enum, Sensitivity.Public),
                Item("registration_authority", "登记机关", DataType.String, Sensitivity.Public),
                Item("match", "核验结果", DataType.Boolean, Sensitivity.Public),
            ]),
        Resource("MR-CREDIT-STATUS", "企业信用状况",
            "企业列入经营异常名录和严重违法失信名单的情况，供行政审批、政府采购、评优评先等事项实施联合惩戒核查。",
            MarketRegulation, endpoints.MarketRegulation, EnterpriseService, ["GetCreditStatus"],
            ShareType.Conditional, "仅限依法实施信用监管和联合惩戒的事项使用，须提供办件编号和用途，经市场监督管理局审核同意后共享。",
            UpdateFrequency.Daily,
            [
                Item("credit_code", "统一社会信用代码", DataType.String, Sensitivity.Public),
                Item("abnormal_operations", "经营异常名录", DataType.List, Sensitivity.Internal),
                Item("serious_violations", "严重违法失信名单", DataType.List, Sensitivity.Internal),
            ]),
        Resource("MR-REPRESENTED-ENTERPRISES", "法定代表人任职企业",
            "公民担任或曾担任法定代表人的企业及其登记状态，供市场准入、社会组织登记等事项核查申请人名下企业的失信与吊销情况（一处失信、处处受限）。",
            MarketRegulation, endpoints.MarketRegulation, EnterpriseService, ["ListEnterprisesByRepresentative"],
            ShareType.Conditional, "仅限依法实施信用约束和任职资格审查的登记事项使用，须提供办件编号和用途，经市场监督管理局审核同意后共享。",
            UpdateFrequency.RealTime,
            [
                Item("citizen_id", "公民身份号码", DataType.String, Sensitivity.Sensitive),
                Item("credit_code", "统一社会信用代码", DataType.String, Sensitivity.Public),
                Item("name", "企业名称", DataType.String, Sensitivity.Public),
                Item("status", "登记状态", DataType.Enum, Sensitivity.Public),
            ]),
        Resource("CA-MARRIAGE-RECORDS", "婚姻登记信息",
            "民政部门的结婚、离婚登记记录，用于不动产登记、公积金提取、户籍变更等事项核实婚姻状况，免于提交结婚证、离婚证。",
            CivilAffairs, endpoints.CivilAffairs, CivilAffairsService, ["GetMarriageRecords"],
            ShareType.Conditional, "仅限办理需核实婚姻状况的政务服务事项，须提供办件编号和用途，经民政厅审核同意后共享。",
            UpdateFrequency.RealTime,
            [
                Item("citizen_id", "公民身份号码", DataType.String, Sensitivity.Sensitive),
                Item("kind", "登记类别", DataType.Enum, Sensitivity.Sensitive),
                Item("registered_date", "登记日期", DataType.Date, Sensitivity.Sensitive),
                Item("registration_office", "登记机关", DataType.String, Sensitivity.Internal),
                Item("certificate_number", "证件编号", DataType.String, Sensitivity.Sensitive),
                Item("spouse_name", "配偶姓名", DataType.String, Sensitivity.Sensitive),
                Item("spouse_masked_citizen_id", "配偶公民身份号码（脱敏）", DataType.String, Sensitivity.Sensitive),
            ]),
        Resource("CA-SOCIAL-ORGANIZATION", "社会组织登记信息",
            "社会团体、民办非企业单位和基金会的登记信息，替代社会组织登记证书复印件。",
            CivilAffairs, endpoints.CivilAffairs, CivilAffairsService, ["GetSocialOrganization"],
            ShareType.Unconditional, string.Empty, UpdateFrequency.Daily,
            [
                Item("credit_code", "统一社会信用代码", DataType.String, Sensitivity.Public),
                Item("name", "社会组织名称", DataType.String, Sensitivity.Public),
                Item("type", "社会组织类型", DataType.Enum, Sensitivity.Public),
                Item("legal_representative_name", "法定代表人姓名", DataType.String, Sensitivity.Public),
                Item("legal_representative_citizen_id", "法定代表人公民身份号码", DataType.String, Sensitivity.Sensitive),
                Item("registration_authority", "登记管理机关", DataType.String, Sensitivity.Public),
                Item("registered_date", "成立登记日期", DataType.Date, Sensitivity.Public),
                Item("address", "住所", DataType.String, Sensitivity.Public),
                Item("business_scope", "业务范围", DataType.String, Sensitivity.Public),
                Item("status", "登记状态", DataType.Enum, Sensitivity.Public),
            ]),
        ElicenceResource("PS-ELICENCE", "居民身份证电子证照",
            "公安机关签发的居民身份证电子证照，供窗口核验申请人身份，免于提交身份证复印件。",
            PublicSecurity, endpoints.PublicSecurity,
            [
                ("RIDC", [
                    ("name", "姓名", Sensitivity.Sensitive), ("gender", "性别", Sensitivity.Sensitive),
                    ("ethnicity", "民族", Sensitivity.Sensitive), ("birth_date", "出生日期", Sensitivity.Sensitive),
                    ("address", "住址", Sensitivity.Sensitive), ("citizen_id", "公民身份号码", Sensitivity.Sensitive),
                ]),
            ]),
        ElicenceResource("MR-ELICENCE", "营业执照电子证照",
            "市场监督管理部门签发的营业执照电子证照，按统一社会信用代码查询与核验，免于提交营业执照复印件。",
            MarketRegulation, endpoints.MarketRegulation,
            [
                ("BLIC", [
                    ("name", "名称", Sensitivity.Public), ("credit_code", "统一社会信用代码", Sensitivity.Public),
                    ("enterprise_type", "类型", Sensitivity.Public), ("legal_representative", "法定代表人", Sensitivity.Public),
                    ("registered_capital_yuan", "注册资本（元）", Sensitivity.Public), ("established_date", "成立日期", Sensitivity.Public),
                    ("address", "住所", Sensitivity.Public), ("business_scope", "经营范围", Sensitivity.Public),
                    ("registration_authority", "登记机关", Sensitivity.Public),
                ]),
            ]),
        ElicenceResource("CA-ELICENCE", "婚姻登记与社会组织登记电子证照",
            "民政部门签发的结婚证和社会团体法人登记证书电子证照，免于提交纸质证书及复印件。",
            CivilAffairs, endpoints.CivilAffairs,
            [
                ("MARC", [
                    ("certificate_number", "结婚证字号", Sensitivity.Sensitive), ("registration_date", "登记日期", Sensitivity.Sensitive),
                    ("registration_office", "登记机关", Sensitivity.Sensitive), ("husband_name", "男方姓名", Sensitivity.Sensitive),
                    ("husband_citizen_id", "男方公民身份号码", Sensitivity.Sensitive), ("wife_name", "女方姓名", Sensitivity.Sensitive),
                    ("wife_citizen_id", "女方公民身份号码", Sensitivity.Sensitive),
                ]),
                ("SORC", [
                    ("certificate_kind", "证书种类", Sensitivity.Public), ("name", "名称", Sensitivity.Public),
                    ("credit_code", "统一社会信用代码", Sensitivity.Public), ("legal_representative", "法定代表人", Sensitivity.Public),
                    ("registration_authority", "登记管理机关", Sensitivity.Public), ("registered_date", "成立登记日期", Sensitivity.Public),
                    ("address", "住所", Sensitivity.Public), ("business_scope", "业务范围", Sensitivity.Public),
                ]),
            ]),
    ];

    /// <summary>
    /// An issuer's e-licences. Conditional like any department data: a consumer uses a licence type under an approved
    /// grant that names items of that type, or at a counter under the service item it handles (the gateway reads the
    /// item's materials). The items are named per licence type (<c>RIDC.name</c>; the holder's id and name are items
    /// too); the facts of a verification (number, type, issuer, dates, status) come with every licence a consumer may
    /// use, and verifying a presented licence answers them with the holder's name to anyone.
    /// </summary>
    private static Resource ElicenceResource(
        string code, string name, string description, string provider, string endpoint,
        (string Type, (string Name, string Title, Sensitivity Sensitivity)[] Items)[] licenceTypes)
    {
        List<DataItem> items =
        [
            Item("licence_number", "证照编号（核验事实，随证照返回）", DataType.String, Sensitivity.Public),
            Item("type_code", "证照类型代码（核验事实）", DataType.String, Sensitivity.Public),
            Item("issuer_department_code", "签发部门（核验事实）", DataType.String, Sensitivity.Public),
            Item("issuer_credit_code", "签发机构统一社会信用代码（核验事实）", DataType.String, Sensitivity.Public),
            Item("issue_date", "签发日期（核验事实）", DataType.Date, Sensitivity.Public),
            Item("expiry_date", "有效期至（核验事实）", DataType.Date, Sensitivity.Public),
            Item("status", "证照状态（核验事实）", DataType.Enum, Sensitivity.Public),
        ];
        foreach (var (type, typeItems) in licenceTypes)
        {
            items.Add(Item($"{type}.holder_id", "持证主体代码", DataType.String, Sensitivity.Sensitive));
            items.Add(Item($"{type}.holder_name", "持证主体名称", DataType.String, Sensitivity.Sensitive));
            items.AddRange(typeItems.Select(i => Item($"{type}.{i.Name}", i.Title, DataType.String, i.Sensitivity)));
        }
        var resource = Resource(code, name, description, provider, endpoint, LicenceIssuerService, LicenceIssuerMethods,
            ShareType.Conditional, "按授权的证照类型和数据项使用；窗口办件时以所办事项的材料清单为准；核验申请人出示的证照仅返回有效性、类型、签发部门、持证人姓名和日期。",
            UpdateFrequency.RealTime, [.. items]);
        resource.LicenceTypeCodes.Add(licenceTypes.Select(t => t.Type));
        return resource;
    }

    private static Resource Resource(
        string code, string name, string description, string provider, string endpoint, string grpcService, string[] methods,
        ShareType shareType, string shareCondition, UpdateFrequency frequency, DataItem[] items)
    {
        var resource = new Resource
        {
            Code = code,
            Name = name,
            Description = description,
            ProviderDepartmentCode = provider,
            ShareType = shareType,
            ShareCondition = shareCondition,
            UpdateFrequency = frequency,
            GrpcService = grpcService,
            Endpoint = endpoint,
        };
        resource.GrpcMethods.Add(methods);
        resource.DataItems.Add(items);
        return resource;
    }

    private static DataItem Item(string name, string title, DataType type, Sensitivity sensitivity) =>
        new() { Name = name, Title = title, Type = type, Sensitivity = sensitivity };
}

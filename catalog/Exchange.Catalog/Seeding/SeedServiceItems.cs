using Exchange.Protos.Catalog.V1;

namespace Exchange.Catalog.Seeding;

/// <summary>
/// Service items (政务服务事项) of the founding departments with the materials their guides (办事指南) list, each
/// mapped to the e-licence type or shared data resource that can replace it. Materials nothing can replace (a signed
/// declaration, photos, a resolution) stay required, with the reason for the clerk.
/// </summary>
public static class SeedServiceItems
{
    private const string ResidentIdCard = "RIDC";
    private const string BusinessLicence = "BLIC";
    private const string MarriageCertificate = "MARC";
    private const string SocialOrganisationCertificate = "SORC";

    // What each material needs of its licence: identity for a person, the registration facts for an organisation,
    // both spouses for a marriage. Never the whole licence: ethnicity and address are needed by none of these items.
    private static readonly string[] Identity = ["holder_id", "holder_name", "name", "gender", "birth_date", "citizen_id"];
    private static readonly string[] BusinessRegistration = ["holder_id", "holder_name", "name", "credit_code", "legal_representative", "enterprise_type", "established_date", "registration_authority"];
    private static readonly string[] Marriage = ["holder_id", "holder_name", "certificate_number", "registration_date", "husband_name", "husband_citizen_id", "wife_name", "wife_citizen_id"];
    private static readonly string[] OrganisationRegistration = ["holder_id", "holder_name", "certificate_kind", "name", "credit_code", "legal_representative", "registration_authority", "registered_date"];

    // The fact checks each item asks of the gateway (IDENTITY-ALIVE applies to every item without being listed).
    private static readonly string[] MarriageRules = ["MARRIAGE-PARTIES", "MARRIAGE-AGE", "MARRIAGE-NOT-MARRIED"];
    private static readonly string[] CreditRules = ["CREDIT-MARKET-ENTRY"];
    private static readonly string[] MarketEntryRules = ["CREDIT-MARKET-ENTRY", "COMPANY-LAW-178"];
    private static readonly string[] ChangeRules = ["CREDIT-MARKET-ENTRY", "COMPANY-LAW-178", "CREDIT-ENTERPRISE-LISTING"];
    private static readonly string[] NoFurtherRules = [];

    public static IReadOnlyList<ServiceItem> All() =>
    [
        Item("CA-MARRIAGE-REGISTRATION", "内地居民结婚登记", SeedCatalog.CivilAffairs, MarriageRules,
            [Person("applicant", "男方当事人"), Person("spouse", "女方当事人")],
            [
                ByLicence("M01", "男方居民身份证", "applicant", ResidentIdCard, "以居民身份证电子证照核验身份。"),
                ByLicence("M02", "女方居民身份证", "spouse", ResidentIdCard, "以居民身份证电子证照核验身份。"),
                ByResource("M03", "男方户口簿", "applicant", "PS-RESIDENT-BASIC", "通过共享户籍信息核实，免于提交户口簿。"),
                ByResource("M04", "女方户口簿", "spouse", "PS-RESIDENT-BASIC", "通过共享户籍信息核实，免于提交户口簿。"),
                Required("M05", "本人无配偶以及与对方当事人没有直系血亲和三代以内旁系血亲关系的签字声明", "applicant",
                    "须双方当事人在婚姻登记员面前亲自签字，不能以数据共享替代。"),
                Required("M06", "双方近期半身免冠合影照片（2 寸，3 张）", "applicant", "须现场提交或拍摄。"),
            ]),
        Item("MR-ENTERPRISE-ESTABLISHMENT", "有限责任公司设立登记", SeedCatalog.MarketRegulation, MarketEntryRules,
            [Person("legal_representative", "法定代表人"), Person("shareholder", "自然人股东")],
            [
                // One material per paper: the identity card is the proof of identity, so no separate "identity check" item.
                ByLicence("M01", "法定代表人身份证明", "legal_representative", ResidentIdCard, "以居民身份证电子证照核验身份。"),
                ByLicence("M02", "自然人股东身份证明", "shareholder", ResidentIdCard, "以居民身份证电子证照核验身份。"),
                Required("M03", "公司章程", "legal_representative", "须由全体股东签署，不能以数据共享替代。"),
                Required("M04", "住所使用证明", "legal_representative", "不动产登记部门尚未接入交换平台，暂须提交。"),
            ]),
        Item("MR-ENTERPRISE-CHANGE-REGISTRATION", "企业变更登记（法定代表人变更）", SeedCatalog.MarketRegulation, ChangeRules,
            [Organization("enterprise", "申请企业"), Person("legal_representative", "新任法定代表人")],
            [
                ByLicence("M01", "营业执照正、副本", "enterprise", BusinessLicence, "以营业执照电子证照核验，免于提交纸质执照。"),
                ByResource("M02", "企业登记基本信息", "enterprise", "MR-ENTERPRISE-BASIC", "通过共享企业登记信息核实。"),
                ByResource("M03", "企业信用状况（是否列入严重违法失信名单）", "enterprise", "MR-CREDIT-STATUS", "通过共享信用信息核查。"),
                ByLicence("M04", "新任法定代表人身份证明", "legal_representative", ResidentIdCard, "以居民身份证电子证照核验身份。"),
                Required("M05", "股东会关于变更法定代表人的决议", "enterprise", "须提交经股东签署的决议原件。"),
            ]),
        Item("CA-SOCIAL-ORGANIZATION-REGISTRATION", "社会团体变更登记", SeedCatalog.CivilAffairs, NoFurtherRules,
            [Organization("organization", "申请社会团体"), Person("legal_representative", "法定代表人")],
            [
                ByLicence("M01", "社会团体法人登记证书正、副本", "organization", SocialOrganisationCertificate, "以社会团体法人登记证书电子证照核验。"),
                ByResource("M02", "社会组织登记信息", "organization", "CA-SOCIAL-ORGANIZATION", "通过共享社会组织登记信息核实。"),
                ByLicence("M03", "法定代表人居民身份证", "legal_representative", ResidentIdCard, "以居民身份证电子证照核验身份。"),
                Required("M04", "会员（代表）大会或理事会关于变更事项的决议", "organization", "须提交决议原件。"),
                Required("M05", "业务主管单位审查同意文件", "organization", "业务主管单位尚未接入交换平台，暂须提交。"),
            ]),
        Item("CA-SOCIAL-ORGANIZATION-ESTABLISHMENT", "社会团体成立登记", SeedCatalog.CivilAffairs, CreditRules,
            [Person("legal_representative", "拟任法定代表人")],
            [
                ByLicence("M01", "拟任法定代表人居民身份证", "legal_representative", ResidentIdCard, "以居民身份证电子证照核验身份。"),
                ByResource("M02", "拟任法定代表人户籍信息", "legal_representative", "PS-RESIDENT-BASIC", "通过共享户籍信息核实，免于提交户口簿。"),
                Required("M03", "登记申请书及章程草案", "legal_representative", "须由发起人签署，不能以数据共享替代。"),
                Required("M04", "业务主管单位批准文件", "legal_representative", "业务主管单位尚未接入交换平台，暂须提交。"),
                Required("M05", "住所使用权证明", "legal_representative", "不动产登记部门尚未接入交换平台，暂须提交。"),
                Required("M06", "验资报告", "legal_representative", "须由会计师事务所出具。"),
            ]),
        Item("PS-HOUSEHOLD-MOVE-SPOUSE", "夫妻投靠户口迁入", SeedCatalog.PublicSecurity, NoFurtherRules,
            [Person("applicant", "迁入人"), Person("spouse", "投靠的配偶")],
            [
                ByLicence("M01", "结婚证", "applicant", MarriageCertificate, "以结婚证电子证照核验婚姻关系。"),
                ByLicence("M02", "迁入人居民身份证", "applicant", ResidentIdCard, "以居民身份证电子证照核验身份。"),
                ByLicence("M03", "配偶居民身份证", "spouse", ResidentIdCard, "以居民身份证电子证照核验身份。"),
                ByResource("M04", "配偶户口簿", "spouse", "PS-RESIDENT-BASIC", "通过户籍信息核实，免于提交户口簿。"),
                Required("M05", "合法稳定住所证明（房屋所有权证或租赁备案证明）", "spouse", "不动产登记部门尚未接入交换平台，暂须提交。"),
            ]),
        Item("CA-MINIMUM-LIVING-ALLOWANCE", "最低生活保障申请", SeedCatalog.CivilAffairs, NoFurtherRules,
            [Person("applicant", "申请人"), Person("spouse", "共同生活的配偶")],
            [
                ByLicence("M01", "申请人居民身份证", "applicant", ResidentIdCard, "以居民身份证电子证照核验身份。"),
                ByResource("M02", "申请人户口簿", "applicant", "PS-RESIDENT-BASIC", "通过共享户籍信息核实。"),
                ByLicence("M03", "结婚证", "applicant", MarriageCertificate, "以结婚证电子证照核实家庭成员关系。"),
                ByLicence("M04", "配偶居民身份证", "spouse", ResidentIdCard, "以居民身份证电子证照核验身份。"),
                Required("M05", "家庭收入和财产状况申报及授权核对声明", "applicant", "须申请人本人签字授权，不能以数据共享替代。"),
            ]),
    ];

    private static ServiceItem Item(string code, string name, string department, string[] rules, ApplicantRole[] roles, Material[] materials)
    {
        var item = new ServiceItem { Code = code, Name = name, DepartmentCode = department, RuleCodes = { rules } };
        item.Roles.Add(roles);
        item.Materials.Add(materials);
        return item;
    }

    private static ApplicantRole Person(string code, string title) => new() { Code = code, Title = title, HolderKind = HolderKind.Person };

    private static ApplicantRole Organization(string code, string title) => new() { Code = code, Title = title, HolderKind = HolderKind.Organization };

    private static Material ByLicence(string code, string name, string role, string licenceType, string note) =>
        new()
        {
            Code = code, Name = name, Role = role, LicenceTypeCode = licenceType, Note = note,
            LicenceDataItems =
            {
                licenceType switch
                {
                    ResidentIdCard => Identity,
                    BusinessLicence => BusinessRegistration,
                    MarriageCertificate => Marriage,
                    SocialOrganisationCertificate => OrganisationRegistration,
                    _ => [],
                },
            },
        };

    private static Material ByResource(string code, string name, string role, string resourceCode, string note) =>
        new() { Code = code, Name = name, Role = role, ResourceCode = resourceCode, Note = note };

    private static Material Required(string code, string name, string role, string note) =>
        new() { Code = code, Name = name, Role = role, Note = note };
}

using Exchange.Protos.Catalog.V1;

namespace Exchange.Catalog.Seeding;

/// <summary>
/// The access applications of the demo: approved grants so conditional resources answer at once, and one pending
/// application to approve in the admin UI. The e-licence grants name the same items of the identity card as the
/// department's grant on the population register, so a licence is no way around that grant.
/// </summary>
public static class SeedGrants
{
    public sealed record Demo(string ConsumerClientId, AccessApplication Application, bool Approve);

    public static IReadOnlyList<Demo> Applications(DateTimeOffset now) =>
    [
        new("civil-affairs", Application(SeedCatalog.CivilAffairs, "PS-RESIDENT-BASIC", ["name", "gender", "birth_date", "status"],
            "办理婚姻登记核实当事人身份", "《婚姻登记条例》第七条", now), Approve: true),
        new("market-regulation", Application(SeedCatalog.MarketRegulation, "PS-RESIDENT-BASIC", ["citizen_id", "name", "status"],
            "办理市场主体登记核实法定代表人身份", "《中华人民共和国市场主体登记管理条例》第十二条", now), Approve: true),
        new("public-security", Application(SeedCatalog.PublicSecurity, "CA-MARRIAGE-RECORDS", ["citizen_id", "kind", "registered_date", "registration_office"],
            "办理户口登记项目变更核实婚姻状况", "《中华人民共和国户口登记条例》第十七条", now), Approve: false),
        new("civil-affairs", Application(SeedCatalog.CivilAffairs, "PS-ELICENCE", ["RIDC.holder_name", "RIDC.name", "RIDC.gender", "RIDC.birth_date"],
            "办理婚姻登记核验当事人居民身份证电子证照", "《婚姻登记条例》第五条", now), Approve: true),
        new("market-regulation", Application(SeedCatalog.MarketRegulation, "PS-ELICENCE", ["RIDC.holder_id", "RIDC.holder_name", "RIDC.name", "RIDC.citizen_id"],
            "办理市场主体登记核验法定代表人居民身份证电子证照", "《中华人民共和国市场主体登记管理条例》第十二条", now), Approve: true),
        new("civil-affairs", Application(SeedCatalog.CivilAffairs, "MR-REPRESENTED-ENTERPRISES", ["citizen_id", "credit_code", "name", "status"],
            "办理社会团体成立登记核查拟任法定代表人名下企业", "《社会团体登记管理条例》第十一条", now), Approve: true),
        // The portal shows holders their own licences: every item, but its tokens always name the signed-in holder,
        // and the gateway confines such a token to that holder's own licences and records.
        new("exchange-portal", Application(SeedCatalog.Portal, "PS-ELICENCE",
            [.. Facts, .. Licence("RIDC", "name", "gender", "ethnicity", "birth_date", "address", "citizen_id")],
            "持证人在政务服务门户查看本人电子证照", "《国务院关于加快推进全国一体化在线政务服务平台建设的指导意见》", now), Approve: true),
        new("exchange-portal", Application(SeedCatalog.Portal, "MR-ELICENCE",
            [.. Facts, .. Licence("BLIC", "name", "credit_code", "enterprise_type", "legal_representative", "registered_capital_yuan",
                "established_date", "address", "business_scope", "registration_authority")],
            "持证主体在政务服务门户查看本单位电子证照", "《国务院关于加快推进全国一体化在线政务服务平台建设的指导意见》", now), Approve: true),
        new("exchange-portal", Application(SeedCatalog.Portal, "CA-ELICENCE",
            [.. Facts, .. Licence("MARC", "certificate_number", "registration_date", "registration_office", "husband_name", "husband_citizen_id", "wife_name", "wife_citizen_id"),
                .. Licence("SORC", "certificate_kind", "name", "credit_code", "legal_representative", "registration_authority", "registered_date", "address", "business_scope")],
            "持证人在政务服务门户查看本人电子证照", "《国务院关于加快推进全国一体化在线政务服务平台建设的指导意见》", now), Approve: true),
    ];

    private static readonly string[] Facts = ["licence_number", "type_code", "issuer_department_code", "issuer_credit_code", "issue_date", "expiry_date", "status"];

    private static IEnumerable<string> Licence(string type, params string[] items) =>
        [$"{type}.holder_id", $"{type}.holder_name", .. items.Select(i => $"{type}.{i}")];

    private static AccessApplication Application(
        string consumer, string resource, string[] items, string purpose, string legalBasis, DateTimeOffset now)
    {
        var application = new AccessApplication
        {
            ConsumerDepartmentCode = consumer,
            ResourceCode = resource,
            Purpose = purpose,
            LegalBasis = legalBasis,
            ValidFrom = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(now),
            ValidUntil = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(now.AddYears(1)),
        };
        application.DataItems.Add(items);
        return application;
    }
}

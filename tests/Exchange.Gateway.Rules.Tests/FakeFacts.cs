using Exchange.Gateway.Licences.Facts;
using Exchange.Protos.Catalog.V1;
using Exchange.Protos.CivilAffairs.V1;
using Exchange.Protos.MarketRegulation.V1;
using Exchange.Protos.PublicSecurity.V1;
using Exchange.Gateway.Licences.Rules;

namespace Exchange.Gateway.Rules.Tests;

/// <summary>Facts set by hand; a resource listed in <see cref="NotShared"/> answers as the grant check would without a grant.</summary>
internal sealed class FakeFacts : IFactSource
{
    public Dictionary<string, Resident> Residents { get; } = [];
    public Dictionary<string, List<MarriageRecord>> Marriages { get; } = [];
    public Dictionary<string, List<Enterprise>> Represented { get; } = [];
    public Dictionary<string, GetCreditStatusResponse> Credit { get; } = [];
    public Dictionary<string, Enterprise> Enterprises { get; } = [];
    public HashSet<string> NotShared { get; } = [];

    public Task<SharedFact<Resident>> ResidentAsync(string citizenId, CancellationToken cancellationToken) =>
        Answer(SharedResources.Residents, "PUBLIC-SECURITY", Residents.GetValueOrDefault(citizenId));

    public Task<SharedFact<IReadOnlyList<MarriageRecord>>> MarriageRecordsAsync(string citizenId, CancellationToken cancellationToken) =>
        Answer<IReadOnlyList<MarriageRecord>>(SharedResources.MarriageRecords, "CIVIL-AFFAIRS", Marriages.GetValueOrDefault(citizenId) ?? []);

    public Task<SharedFact<IReadOnlyList<Enterprise>>> RepresentedEnterprisesAsync(string citizenId, CancellationToken cancellationToken) =>
        Answer<IReadOnlyList<Enterprise>>(SharedResources.RepresentedEnterprises, "MARKET-REGULATION", Represented.GetValueOrDefault(citizenId) ?? []);

    public Task<SharedFact<GetCreditStatusResponse>> CreditStatusAsync(string creditCode, CancellationToken cancellationToken) =>
        Answer(SharedResources.CreditStatus, "MARKET-REGULATION", Credit.GetValueOrDefault(creditCode) ?? new GetCreditStatusResponse { CreditCode = creditCode });

    public Task<SharedFact<Enterprise>> EnterpriseAsync(string creditCode, CancellationToken cancellationToken) =>
        Answer(SharedResources.EnterpriseBasic, "MARKET-REGULATION", Enterprises.GetValueOrDefault(creditCode));

    public Task<SharedFact<SocialOrganization>> SocialOrganizationAsync(string creditCode, CancellationToken cancellationToken) =>
        Answer<SocialOrganization>(SharedResources.SocialOrganizations, "CIVIL-AFFAIRS", null);

    private Task<SharedFact<T>> Answer<T>(string resource, string department, T? value) where T : class =>
        Task.FromResult(NotShared.Contains(resource)
            ? SharedFact<T>.Unread(resource, department, $"TEST 无权使用 {resource}")
            : SharedFact<T>.Of(value, resource, department));
}

/// <summary>Service items and parties as the catalog seeds them.</summary>
internal static class Cases
{
    public static readonly DateOnly Today = new(2026, 12, 5);

    public static ServiceItem Item(string code, string[] rules, params (string Code, string Title, HolderKind Kind)[] roles)
    {
        var item = new ServiceItem { Code = code, Name = code, DepartmentCode = "TEST", RuleCodes = { rules } };
        item.Roles.Add(roles.Select(r => new ApplicantRole { Code = r.Code, Title = r.Title, HolderKind = r.Kind }));
        return item;
    }

    public static ServiceItem Marriage { get; } = Item("CA-MARRIAGE-REGISTRATION", ["MARRIAGE-PARTIES", "MARRIAGE-AGE", "MARRIAGE-NOT-MARRIED"],
        ("applicant", "男方当事人", HolderKind.Person), ("spouse", "女方当事人", HolderKind.Person));

    public static ServiceItem Establishment { get; } = Item("MR-ENTERPRISE-ESTABLISHMENT", ["CREDIT-MARKET-ENTRY", "COMPANY-LAW-178"],
        ("legal_representative", "法定代表人", HolderKind.Person), ("shareholder", "自然人股东", HolderKind.Person));

    public static ServiceItem Change { get; } = Item("MR-ENTERPRISE-CHANGE-REGISTRATION", ["CREDIT-MARKET-ENTRY", "COMPANY-LAW-178", "CREDIT-ENTERPRISE-LISTING"],
        ("enterprise", "申请企业", HolderKind.Organization), ("legal_representative", "新任法定代表人", HolderKind.Person));

    public static RuleContext For(ServiceItem item, FakeFacts facts, params string[] holders) =>
        new(item, item.Roles.Zip(holders).Select(p => new Party(p.First, p.Second)).ToList(), facts, Today);
}

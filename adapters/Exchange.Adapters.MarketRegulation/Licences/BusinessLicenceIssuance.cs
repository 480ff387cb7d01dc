using System.Globalization;
using Exchange.Adapters.Shared;
using Exchange.Adapters.Shared.Licences;
using Exchange.SyntheticData;

namespace Exchange.Adapters.MarketRegulation.Licences;

/// <summary>One business licence (营业执照, type BLIC) per enterprise in existence, issued on its establishment, long-term.</summary>
internal sealed class BusinessLicenceIssuance : ILicenceIssuance
{
    public const string TypeCode = "BLIC";

    public IReadOnlyList<LicenceDraft> Draft(SyntheticPopulation population, DateOnly validityReference) =>
        [.. population.Enterprises.Where(e => e.Status == EnterpriseStatus.Active).Select(e => new LicenceDraft(
            TypeCode, e.CreditCode, e.Name, e.EstablishedDate, null,
            new Dictionary<string, string>
            {
                ["name"] = e.Name,
                ["credit_code"] = e.CreditCode,
                ["enterprise_type"] = TypeName(e.Type),
                ["legal_representative"] = e.LegalRepresentativeName,
                ["registered_capital_yuan"] = e.RegisteredCapitalYuan.ToString(CultureInfo.InvariantCulture),
                ["established_date"] = IsoDate.Format(e.EstablishedDate),
                ["address"] = e.Address,
                ["business_scope"] = e.BusinessScope,
                ["registration_authority"] = e.RegistrationAuthority,
            }))];

    private static string TypeName(EnterpriseType type) => type switch
    {
        EnterpriseType.LimitedLiabilityCompany => "有限责任公司",
        EnterpriseType.JointStockCompany => "股份有限公司",
        EnterpriseType.SoleProprietorship => "个人独资企业",
        EnterpriseType.Partnership => "合伙企业",
        EnterpriseType.IndividualBusiness => "个体工商户",
        EnterpriseType.FarmersCooperative => "农民专业合作社",
        _ => type.ToString(),
    };
}

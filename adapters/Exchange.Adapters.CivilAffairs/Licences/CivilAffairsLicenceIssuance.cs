using Exchange.Adapters.Shared;
using Exchange.Adapters.Shared.Licences;
using Exchange.SyntheticData;

namespace Exchange.Adapters.CivilAffairs.Licences;

/// <summary>
/// Marriage certificates (结婚证, type MARC): one to each party of a marriage registration that no later divorce ended;
/// social organisation registration certificates (type SORC) to each active social organisation, five years valid,
/// renewed up to the population's reference date.
/// </summary>
internal sealed class CivilAffairsLicenceIssuance : ILicenceIssuance
{
    public const string MarriageCertificate = "MARC";
    public const string SocialOrganisationCertificate = "SORC";

    public IReadOnlyList<LicenceDraft> Draft(SyntheticPopulation population)
    {
        var divorced = population.MarriageRegistrations
            .Where(m => m.Kind == MarriageRegistrationKind.Divorce)
            .Select(m => (m.HusbandCitizenId, m.WifeCitizenId, m.RegisteredDate))
            .ToList();
        var drafts = new List<LicenceDraft>();
        foreach (var marriage in population.MarriageRegistrations.Where(m => m.Kind == MarriageRegistrationKind.Marriage))
        {
            if (divorced.Any(d => d.HusbandCitizenId == marriage.HusbandCitizenId && d.WifeCitizenId == marriage.WifeCitizenId && d.RegisteredDate >= marriage.RegisteredDate))
                continue;
            var items = new Dictionary<string, string>
            {
                ["certificate_number"] = marriage.CertificateNumber,
                ["registration_date"] = IsoDate.Format(marriage.RegisteredDate),
                ["registration_office"] = marriage.RegistrationOffice,
                ["husband_name"] = marriage.HusbandName,
                ["husband_citizen_id"] = marriage.HusbandCitizenId,
                ["wife_name"] = marriage.WifeName,
                ["wife_citizen_id"] = marriage.WifeCitizenId,
            };
            drafts.Add(new LicenceDraft(MarriageCertificate, marriage.HusbandCitizenId, marriage.HusbandName, marriage.RegisteredDate, null, items));
            drafts.Add(new LicenceDraft(MarriageCertificate, marriage.WifeCitizenId, marriage.WifeName, marriage.RegisteredDate, null, items));
        }

        var reference = SyntheticPopulationOptions.Default.ReferenceDate;
        foreach (var organisation in population.SocialOrganizations.Where(o => o.Status == SocialOrganizationStatus.Active))
        {
            var issued = organisation.RegisteredDate;
            while (issued.AddYears(5) < reference)
                issued = issued.AddYears(5);
            drafts.Add(new LicenceDraft(SocialOrganisationCertificate, organisation.CreditCode, organisation.Name, issued, issued.AddYears(5),
                new Dictionary<string, string>
                {
                    ["certificate_kind"] = organisation.Type switch
                    {
                        SocialOrganizationType.SocialGroup => "社会团体法人登记证书",
                        SocialOrganizationType.PrivateNonEnterpriseUnit => "民办非企业单位登记证书",
                        SocialOrganizationType.Foundation => "基金会法人登记证书",
                        _ => organisation.Type.ToString(),
                    },
                    ["name"] = organisation.Name,
                    ["credit_code"] = organisation.CreditCode,
                    ["legal_representative"] = organisation.LegalRepresentativeName,
                    ["registration_authority"] = organisation.RegistrationAuthority,
                    ["registered_date"] = IsoDate.Format(organisation.RegisteredDate),
                    ["address"] = organisation.Address,
                    ["business_scope"] = organisation.BusinessScope,
                }));
        }
        return drafts;
    }
}

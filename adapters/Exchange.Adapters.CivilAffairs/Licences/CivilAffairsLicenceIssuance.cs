using Exchange.Adapters.Shared;
using Exchange.Adapters.Shared.Licences;
using Exchange.SyntheticData;

namespace Exchange.Adapters.CivilAffairs.Licences;

/// <summary>
/// Marriage certificates (结婚证, type MARC): one to each party of a marriage registration that no later divorce ended;
/// social organisation registration certificates (type SORC) to each active social organisation, five years valid,
/// renewed up to the validity reference day (the first-seed day).
/// </summary>
internal sealed class CivilAffairsLicenceIssuance : ILicenceIssuance
{
    public const string MarriageCertificate = "MARC";
    public const string SocialOrganisationCertificate = "SORC";

    public IReadOnlyList<LicenceDraft> Draft(SyntheticPopulation population, DateOnly validityReference)
    {
        var divorced = population.MarriageRegistrations
            .Where(m => m.Kind == MarriageRegistrationKind.Divorce)
            .Select(m => (m.HusbandCitizenId, m.WifeCitizenId, m.RegisteredDate))
            .ToList();
        var drafts = new List<LicenceDraft>();
        var ended = new List<(MarriageRegistration Marriage, DateOnly DivorcedOn)>();
        foreach (var marriage in population.MarriageRegistrations.Where(m => m.Kind == MarriageRegistrationKind.Marriage))
        {
            var divorce = divorced.FirstOrDefault(d => d.HusbandCitizenId == marriage.HusbandCitizenId && d.WifeCitizenId == marriage.WifeCitizenId && d.RegisteredDate >= marriage.RegisteredDate);
            if (divorce != default)
            {
                ended.Add((marriage, divorce.RegisteredDate));
                continue;
            }
            drafts.AddRange(Certificates(marriage));
        }

        var reference = validityReference;
        foreach (var organisation in population.SocialOrganizations.Where(o => o.Status == SocialOrganizationStatus.Active))
        {
            var issued = organisation.RegisteredDate;
            while (issued.AddYears(5) < reference)
                issued = issued.AddYears(5);
            drafts.Add(new LicenceDraft(SocialOrganisationCertificate, organisation.CreditCode, organisation.Name, issued, issued.AddYears(5),
                OrganisationItems(organisation)));
        }

        // Certificates that a divorce or a revoked registration annulled come last, so the serials of the valid ones stay
        // those of earlier seeds; they show a clerk a revoked certificate, with the reason, rather than no certificate.
        foreach (var (marriage, divorcedOn) in ended)
            drafts.AddRange(Certificates(marriage, divorcedOn));
        foreach (var organisation in population.SocialOrganizations.Where(o => o.Status == SocialOrganizationStatus.Revoked))
        {
            var issued = organisation.RegisteredDate;
            var revokedOn = validityReference.AddDays(-(int)(StableHash.Of(organisation.CreditCode) % 700) - 30);
            if (revokedOn <= issued)
                revokedOn = issued.AddDays(1);
            while (issued.AddYears(5) < revokedOn)
                issued = issued.AddYears(5);
            drafts.Add(new LicenceDraft(SocialOrganisationCertificate, organisation.CreditCode, organisation.Name, issued, issued.AddYears(5),
                OrganisationItems(organisation), revokedOn, "登记管理机关撤销登记，证书同时作废"));
        }
        return drafts;
    }

    private static IEnumerable<LicenceDraft> Certificates(MarriageRegistration marriage, DateOnly? divorcedOn = null)
    {
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
        var reason = divorcedOn is null ? null : $"双方已于 {IsoDate.Format(divorcedOn.Value)} 办理离婚登记，结婚证作废";
        yield return new LicenceDraft(MarriageCertificate, marriage.HusbandCitizenId, marriage.HusbandName, marriage.RegisteredDate, null, items, divorcedOn, reason);
        yield return new LicenceDraft(MarriageCertificate, marriage.WifeCitizenId, marriage.WifeName, marriage.RegisteredDate, null, items, divorcedOn, reason);
    }

    private static Dictionary<string, string> OrganisationItems(SocialOrganization organisation) => new()
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
    };
}

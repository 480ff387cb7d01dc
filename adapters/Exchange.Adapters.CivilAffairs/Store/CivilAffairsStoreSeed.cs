using Exchange.Adapters.Shared;
using Exchange.SyntheticData;
using Microsoft.EntityFrameworkCore;

namespace Exchange.Adapters.CivilAffairs.Store;

/// <summary>Takes the marriage registrations and social organisations of the synthetic population into the registers.</summary>
public sealed class CivilAffairsStoreSeed : IAdapterStoreSeed<CivilAffairsStore>
{
    public async Task<bool> HasDataAsync(CivilAffairsStore store, CancellationToken cancellationToken) =>
        await store.Marriages.AnyAsync(cancellationToken) || await store.SocialOrganizations.AnyAsync(cancellationToken);

    public IReadOnlyList<object> CreateRows(SyntheticPopulation population)
    {
        var rows = new List<object>(population.MarriageRegistrations.Count + population.SocialOrganizations.Count);
        rows.AddRange(population.MarriageRegistrations.Select(m => new RegisteredMarriage
        {
            CertificateNumber = m.CertificateNumber,
            Kind = m.Kind,
            RegisteredDate = m.RegisteredDate,
            RegistrationOffice = m.RegistrationOffice,
            HusbandCitizenId = m.HusbandCitizenId,
            HusbandName = m.HusbandName,
            WifeCitizenId = m.WifeCitizenId,
            WifeName = m.WifeName,
        }));
        rows.AddRange(population.SocialOrganizations.Select(o => new RegisteredSocialOrganization
        {
            CreditCode = o.CreditCode,
            Name = o.Name,
            Type = o.Type,
            LegalRepresentativeName = o.LegalRepresentativeName,
            LegalRepresentativeCitizenId = o.LegalRepresentativeCitizenId,
            RegistrationAuthority = o.RegistrationAuthority,
            RegisteredDate = o.RegisteredDate,
            Address = o.Address,
            BusinessScope = o.BusinessScope,
            Status = o.Status,
        }));
        return rows;
    }
}

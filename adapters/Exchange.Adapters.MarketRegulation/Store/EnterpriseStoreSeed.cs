using Exchange.Adapters.Shared;
using Exchange.SyntheticData;
using Microsoft.EntityFrameworkCore;

namespace Exchange.Adapters.MarketRegulation.Store;

/// <summary>Takes the enterprises of the synthetic population and their credit list entries into the register.</summary>
public sealed class EnterpriseStoreSeed : IAdapterStoreSeed<EnterpriseStore>
{
    public Task<bool> HasDataAsync(EnterpriseStore store, CancellationToken cancellationToken) =>
        store.Enterprises.AnyAsync(cancellationToken);

    public IReadOnlyList<object> CreateRows(SyntheticPopulation population)
    {
        var rows = new List<object>(population.Enterprises.Count + population.CreditListEntries.Count);
        rows.AddRange(population.Enterprises.Select(e => new RegisteredEnterprise
        {
            CreditCode = e.CreditCode,
            Name = e.Name,
            Type = e.Type,
            LegalRepresentativeName = e.LegalRepresentativeName,
            LegalRepresentativeCitizenId = e.LegalRepresentativeCitizenId,
            RegisteredCapitalYuan = e.RegisteredCapitalYuan,
            EstablishedDate = e.EstablishedDate,
            Address = e.Address,
            BusinessScope = e.BusinessScope,
            Status = e.Status,
            RegistrationAuthority = e.RegistrationAuthority,
        }));
        rows.AddRange(population.CreditListEntries.Select(c => new CreditListing
        {
            CreditCode = c.CreditCode,
            List = c.List,
            Reason = c.Reason,
            ListedDate = c.ListedDate,
            RemovedDate = c.RemovedDate,
            DecidingAuthority = c.DecidingAuthority,
        }));
        return rows;
    }
}

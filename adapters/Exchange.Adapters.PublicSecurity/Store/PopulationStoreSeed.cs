using Exchange.Adapters.Shared;
using Exchange.SyntheticData;
using Microsoft.EntityFrameworkCore;

namespace Exchange.Adapters.PublicSecurity.Store;

/// <summary>Takes every resident of the synthetic population into the population register.</summary>
public sealed class PopulationStoreSeed : IAdapterStoreSeed<PopulationStore>
{
    public Task<bool> HasDataAsync(PopulationStore store, CancellationToken cancellationToken) =>
        store.Residents.AnyAsync(cancellationToken);

    public IReadOnlyList<object> CreateRows(SyntheticPopulation population) =>
        population.Residents.Select(r => new RegisteredResident
        {
            CitizenId = r.CitizenId,
            Name = r.Name,
            Gender = r.Gender,
            BirthDate = r.BirthDate,
            Ethnicity = r.Ethnicity,
            RegisteredAddress = r.RegisteredAddress,
            Status = r.Status,
        }).ToList<object>();
}

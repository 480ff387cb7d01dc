using Exchange.SyntheticData;
using Microsoft.EntityFrameworkCore;

namespace Exchange.Adapters.Shared;

/// <summary>What one department takes from the synthetic population into its store.</summary>
public interface IAdapterStoreSeed<TContext> where TContext : DbContext
{
    /// <summary>True when the store already holds the department's data, so seeding must not run again.</summary>
    Task<bool> HasDataAsync(TContext store, CancellationToken cancellationToken);

    /// <summary>The entities to insert, in insertion order.</summary>
    IReadOnlyList<object> CreateRows(SyntheticPopulation population);
}

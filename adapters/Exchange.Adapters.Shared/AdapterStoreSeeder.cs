using System.Diagnostics;
using Exchange.Storage;
using Exchange.SyntheticData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Exchange.Adapters.Shared;

/// <summary>
/// Fills an empty store from the synthetic population in batches inside one transaction, so a store is either
/// fully seeded or untouched, and never seeded twice.
/// </summary>
public sealed class AdapterStoreSeeder<TContext>(TContext store, AdapterStoreOptions options, ILogger logger)
    where TContext : DbContext
{
    /// <summary>Migrates the schema and seeds an empty store; returns the number of rows inserted (0 if it had data).</summary>
    public async Task<int> SeedAsync(IAdapterStoreSeed<TContext> seed, SyntheticPopulationOptions population, CancellationToken cancellationToken)
    {
        var storeName = typeof(TContext).Name;
        await store.MigrateStoreAsync(logger, cancellationToken);
        if (await seed.HasDataAsync(store, cancellationToken))
        {
            logger.LogInformation("{Store} already holds data; not seeding", storeName);
            return 0;
        }

        var elapsed = Stopwatch.StartNew();
        var rows = seed.CreateRows(SyntheticPopulation.Generate(population));
        var generated = elapsed.Elapsed;
        logger.LogInformation("Seeding {Store} with {Rows} rows generated in {GenerationMs:F0} ms", storeName, rows.Count, generated.TotalMilliseconds);

        store.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            await using var transaction = await store.Database.BeginTransactionAsync(cancellationToken);
            for (var start = 0; start < rows.Count; start += options.SeedBatchSize)
            {
                var count = Math.Min(options.SeedBatchSize, rows.Count - start);
                for (var i = start; i < start + count; i++)
                    store.Add(rows[i]);
                await store.SaveChangesAsync(cancellationToken);
                store.ChangeTracker.Clear();
                logger.LogInformation("Seeded {Done}/{Rows} rows into {Store}", start + count, rows.Count, storeName);
            }
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            store.ChangeTracker.AutoDetectChangesEnabled = true;
        }

        logger.LogInformation("Seeded {Store} with {Rows} rows in {ElapsedMs:F0} ms", storeName, rows.Count, elapsed.Elapsed.TotalMilliseconds);
        return rows.Count;
    }
}

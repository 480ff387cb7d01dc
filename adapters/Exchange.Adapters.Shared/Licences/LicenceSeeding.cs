using Exchange.Licences;
using Exchange.Storage;
using Exchange.SyntheticData;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Exchange.Adapters.Shared.Licences;

/// <summary>
/// Issues the licences of an empty licence store after start-up, in the background: signing every seeded holder's
/// licence would otherwise double the time before the department's data is served. Licence calls wait for
/// <see cref="Ready"/>, so nothing is answered from a half-issued store (the seeding is also one transaction).
/// </summary>
internal sealed class LicenceSeeding(
    IServiceScopeFactory scopes,
    ILicenceIssuance issuance,
    IssuerKeyRing keys,
    IOptions<LicenceOptions> licenceOptions,
    IOptions<AdapterStoreOptions> storeOptions,
    TimeProvider time,
    ILogger<AdapterStoreSeeder<LicenceStore>> logger) : BackgroundService
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Ready => _ready.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var store = scope.ServiceProvider.GetRequiredService<LicenceStore>();
            if (storeOptions.Value.SeedOnStart)
            {
                var seed = new LicenceStoreSeed(issuance, keys, licenceOptions.Value.IssuerCreditCode,
                    storeOptions.Value.ReferenceDate ?? DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
                await new AdapterStoreSeeder<LicenceStore>(store, storeOptions.Value, logger)
                    .SeedAsync(seed, SyntheticPopulationOptions.Default, stoppingToken);
            }
            else
            {
                await store.MigrateStoreAsync(logger, stoppingToken);
            }
            _ready.TrySetResult();
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            _ready.TrySetCanceled(stoppingToken);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Issuing the seeded licences failed; licence calls will fail until the adapter is restarted");
            _ready.TrySetException(ex);
        }
    }
}

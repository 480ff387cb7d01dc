using Exchange.Catalog.Access;
using Exchange.Catalog.Domain;
using Exchange.Catalog.Store;
using Exchange.ServiceDefaults.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Exchange.Catalog.Seeding;

/// <summary>
/// Files the demo applications when the store has none, through the same rules a department's call obeys:
/// each is applied for as its consumer and the approved ones are decided by the seed as a catalog admin.
/// </summary>
public sealed class GrantSeeder(
    CatalogDbContext db,
    AccessApplications applications,
    TimeProvider clock,
    IOptions<CatalogSeedOptions> options,
    ILogger<GrantSeeder> logger)
{
    private static readonly CatalogActor Seed = CatalogActor.Administrator("catalog-seed");

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled || await db.AccessApplications.AnyAsync(cancellationToken))
            return;

        var demos = SeedGrants.Applications(clock.GetUtcNow());
        logger.LogInformation("Seeding {Count} demo access applications", demos.Count);
        foreach (var demo in demos)
        {
            var consumer = CatalogActor.ForDepartment(demo.ConsumerClientId, demo.Application.ConsumerDepartmentCode);
            try
            {
                var applied = await applications.ApplyAsync(consumer, demo.Application, cancellationToken);
                if (demo.Approve)
                    await applications.ApproveAsync(Seed, applied.Id, "演示数据：首次启动时批准", cancellationToken);
                logger.LogInformation("Seeded access application {ApplicationId}: {Consumer} for {ResourceCode}, {State}",
                    applied.Id, consumer.DepartmentCode, applied.ResourceCode, demo.Approve ? "approved" : "pending");
            }
            catch (ExchangeException ex)
            {
                // The resources were changed before this version first ran; the demo grant does not fit them.
                logger.LogWarning("Skipped the demo application of {Consumer} for {ResourceCode}: {Reason}",
                    consumer.DepartmentCode, demo.Application.ResourceCode, ex.Message);
            }
        }
    }
}

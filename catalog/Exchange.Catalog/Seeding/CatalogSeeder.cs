using Exchange.Catalog.Domain;
using Exchange.Catalog.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Exchange.Catalog.Seeding;

/// <summary>
/// Fills the catalog with the founding departments and their published resources that it does not hold yet, through
/// the same registry and publish path an administrator uses, so the seed obeys every rule the API enforces.
/// </summary>
public sealed class CatalogSeeder(
    CatalogDbContext db,
    DepartmentRegistry departments,
    ResourceCatalog catalog,
    IOptions<CatalogSeedOptions> options,
    ILogger<CatalogSeeder> logger)
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            logger.LogInformation("Catalog seeding is turned off (Catalog:Seed:Enabled=false)");
            return;
        }
        var seedDepartments = SeedCatalog.Departments();
        var knownDepartments = await db.Departments.Select(d => d.Code).ToListAsync(cancellationToken);
        var knownResources = await db.ResourceEntries.Select(r => r.Code).ToListAsync(cancellationToken);
        // A store seeded by an older version gets the founding resources added since, never the ones it has (an
        // administrator may have changed or deprecated those).
        var missingDepartments = seedDepartments.Where(d => !knownDepartments.Contains(d.Code)).ToList();
        var missingResources = SeedCatalog.Resources(options.Value.Endpoints).Where(r => !knownResources.Contains(r.Code)).ToList();
        if (missingDepartments.Count == 0 && missingResources.Count == 0)
        {
            logger.LogInformation("Catalog store already holds every founding department and resource; not seeding");
            return;
        }
        logger.LogInformation("Seeding the catalog with {DepartmentCount} departments and {ResourceCount} resources",
            missingDepartments.Count, missingResources.Count);

        foreach (var department in missingDepartments)
            await departments.RegisterAsync(department, cancellationToken);

        var done = 0;
        foreach (var resource in missingResources)
        {
            await catalog.CreateDraftAsync(resource, cancellationToken);
            await catalog.PublishAsync(resource.Code, cancellationToken);
            logger.LogInformation("Seeded resource {ResourceCode} {ResourceName} ({Done}/{Total}) served by {GrpcService} at {Endpoint}",
                resource.Code, resource.Name, ++done, missingResources.Count, resource.GrpcService, resource.Endpoint);
        }
        logger.LogInformation("Catalog seeding finished");
    }
}

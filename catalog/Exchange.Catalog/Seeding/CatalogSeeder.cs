using Exchange.Catalog.Domain;
using Exchange.Catalog.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Exchange.Catalog.Seeding;

/// <summary>
/// Fills an empty catalog with the founding departments and their published resources, through the same
/// registry and publish path an administrator uses, so the seed obeys every rule the API enforces.
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
        if (await db.Departments.AnyAsync(cancellationToken) || await db.ResourceEntries.AnyAsync(cancellationToken))
        {
            logger.LogInformation("Catalog store already holds data; not seeding");
            return;
        }

        var seedDepartments = SeedCatalog.Departments();
        var seedResources = SeedCatalog.Resources(options.Value.Endpoints);
        logger.LogInformation("Seeding an empty catalog with {DepartmentCount} departments and {ResourceCount} resources",
            seedDepartments.Count, seedResources.Count);

        foreach (var department in seedDepartments)
            await departments.RegisterAsync(department, cancellationToken);

        var done = 0;
        foreach (var resource in seedResources)
        {
            await catalog.CreateDraftAsync(resource, cancellationToken);
            await catalog.PublishAsync(resource.Code, cancellationToken);
            logger.LogInformation("Seeded resource {ResourceCode} {ResourceName} ({Done}/{Total}) served by {GrpcService} at {Endpoint}",
                resource.Code, resource.Name, ++done, seedResources.Count, resource.GrpcService, resource.Endpoint);
        }
        logger.LogInformation("Catalog seeding finished");
    }
}

using Exchange.Catalog.Licences;
using Exchange.Catalog.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Exchange.Catalog.Seeding;

/// <summary>Fills an empty service item table, also in a store seeded before service items existed.</summary>
public sealed class ServiceItemSeeder(CatalogDbContext db, IOptions<CatalogSeedOptions> options, ILogger<ServiceItemSeeder> logger)
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled || await db.ServiceItems.AnyAsync(cancellationToken))
            return;
        var items = SeedServiceItems.All();
        db.ServiceItems.AddRange(items.Select(ServiceItemCatalog.ToRecord));
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Seeded {Count} service items with {MaterialCount} materials: {Codes}",
            items.Count, items.Sum(i => i.Materials.Count), string.Join(", ", items.Select(i => i.Code)));
    }
}

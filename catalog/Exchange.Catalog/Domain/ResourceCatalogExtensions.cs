using Exchange.Catalog.Watch;
using Exchange.ServiceDefaults.Options;

namespace Exchange.Catalog.Domain;

public static class ResourceCatalogExtensions
{
    /// <summary>Registers departments, resource entries and the watch feed that reports their published changes.</summary>
    public static WebApplicationBuilder AddResourceCatalog(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<WatchOptions, WatchOptionsValidator>(WatchOptions.Section);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<CatalogWriteGate>();
        builder.Services.AddSingleton<ResourceChangeFeed>();
        builder.Services.AddScoped<DepartmentRegistry>();
        builder.Services.AddScoped<ResourceCatalog>();
        builder.Services.AddScoped<ResourceWatch>();
        return builder;
    }
}

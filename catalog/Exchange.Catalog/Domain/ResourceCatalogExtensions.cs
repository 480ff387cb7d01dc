using Exchange.Catalog.Watch;

namespace Exchange.Catalog.Domain;

public static class ResourceCatalogExtensions
{
    /// <summary>Registers departments, resource entries and the watch feed that reports their published changes.</summary>
    public static WebApplicationBuilder AddResourceCatalog(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<WatchOptions>()
            .BindConfiguration(WatchOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<CatalogWriteGate>();
        builder.Services.AddSingleton<ResourceChangeFeed>();
        builder.Services.AddScoped<DepartmentRegistry>();
        builder.Services.AddScoped<ResourceCatalog>();
        builder.Services.AddScoped<ResourceWatch>();
        return builder;
    }
}

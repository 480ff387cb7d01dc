using Exchange.ServiceDefaults.Options;

namespace Exchange.Gateway.Catalog;

public static class CatalogWatchExtensions
{
    /// <summary>
    /// Follows the published catalog through its watch stream, keeps the last copy on disk and reports
    /// readiness only once there is a catalog to route on. Configured by the <c>Catalog</c> section.
    /// </summary>
    public static WebApplicationBuilder AddCatalogWatch(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<CatalogOptions, CatalogOptionsValidator>(CatalogOptions.Section);

        builder.Services.AddSingleton<CatalogState>();
        builder.Services.AddSingleton<CatalogChannel>();
        builder.Services.AddHostedService<CatalogWatcher>();
        builder.Services.AddHealthChecks().AddCheck<CatalogReadinessCheck>("catalog");
        return builder;
    }
}

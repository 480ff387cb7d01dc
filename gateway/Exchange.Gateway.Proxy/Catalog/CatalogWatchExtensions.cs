namespace Exchange.Gateway.Catalog;

public static class CatalogWatchExtensions
{
    /// <summary>
    /// Follows the published catalog through its watch stream, keeps the last copy on disk and reports
    /// readiness only once there is a catalog to route on. Configured by the <c>Catalog</c> section.
    /// </summary>
    public static WebApplicationBuilder AddCatalogWatch(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<CatalogOptions>()
            .Bind(builder.Configuration.GetSection(CatalogOptions.Section))
            .Validate(o => o.Address.IsAbsoluteUri && (o.Address.Scheme == Uri.UriSchemeHttp || o.Address.Scheme == Uri.UriSchemeHttps),
                "Catalog:Address must be an absolute http or https address, for example https://127.0.0.1:7001.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.SnapshotPath), "Catalog:SnapshotPath must name a file.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.GrantSnapshotPath), "Catalog:GrantSnapshotPath must name a file.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.ClientId), "Catalog:ClientId must name the gateway's client at the catalog.")
            .Validate(o => o.InitialReconnectDelay > TimeSpan.Zero, "Catalog:InitialReconnectDelay must be positive.")
            .Validate(o => o.MaxReconnectDelay >= o.InitialReconnectDelay,
                "Catalog:MaxReconnectDelay must not be shorter than Catalog:InitialReconnectDelay.")
            .Validate(o => o.MaxSnapshotAge > TimeSpan.Zero, "Catalog:MaxSnapshotAge must be positive.")
            .ValidateOnStart();

        builder.Services.AddSingleton<CatalogState>();
        builder.Services.AddSingleton<CatalogChannel>();
        builder.Services.AddHostedService<CatalogWatcher>();
        builder.Services.AddHealthChecks().AddCheck<CatalogReadinessCheck>("catalog");
        return builder;
    }
}

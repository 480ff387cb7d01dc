using Exchange.ServiceDefaults.Options;

namespace Exchange.Catalog.Seeding;

public static class CatalogSeedingExtensions
{
    /// <summary>Registers the first-start seed and its settings (Catalog:Seed).</summary>
    public static WebApplicationBuilder AddCatalogSeeding(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<CatalogSeedOptions, CatalogSeedOptionsValidator>(CatalogSeedOptions.Section);
        builder.Services.AddScoped<CatalogSeeder>();
        builder.Services.AddScoped<GrantSeeder>();
        builder.Services.AddScoped<ServiceItemSeeder>();
        return builder;
    }

    /// <summary>Seeds an empty store (departments and resources, then the demo access applications; service items whenever there are none) before the service takes calls.</summary>
    public static async Task SeedCatalogAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CatalogSeeder>().SeedAsync(app.Lifetime.ApplicationStopping);
        await scope.ServiceProvider.GetRequiredService<GrantSeeder>().SeedAsync(app.Lifetime.ApplicationStopping);
        await scope.ServiceProvider.GetRequiredService<ServiceItemSeeder>().SeedAsync(app.Lifetime.ApplicationStopping);
    }
}

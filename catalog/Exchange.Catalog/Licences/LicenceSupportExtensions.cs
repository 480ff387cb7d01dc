using Exchange.Catalog.Grpc;

namespace Exchange.Catalog.Licences;

public static class LicenceSupportExtensions
{
    /// <summary>What the gateway's e-licence broker reads from the catalog: issuer public keys and service items with their materials.</summary>
    public static WebApplicationBuilder AddLicenceSupport(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<IssuerKeyRegistry>();
        builder.Services.AddScoped<ServiceItemCatalog>();
        builder.Services.AddScoped<ServiceItemEditor>();
        return builder;
    }

    public static WebApplication MapLicenceSupport(this WebApplication app)
    {
        app.MapGrpcService<IssuerKeyGrpcService>();
        app.MapGrpcService<ServiceItemGrpcService>();
        return app;
    }
}

using Exchange.Gateway.Licences.Facts;
using Exchange.Gateway.Licences.Presentations;
using Exchange.Gateway.Licences.Rules;
using Exchange.Gateway.Redis;
using Exchange.ServiceDefaults.Options;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Exchange.Gateway.Licences;

public static class LicenceServiceExtensions
{
    private const string ServicePath = "/exchange.licence.v1.LicenceService";

    /// <summary>
    /// The e-licence service (exchange.licence.v1.LicenceService): issuers from the catalog, issuer keys from the
    /// catalog, a cache in Redis (<c>Redis:Configuration</c>) or, without one, in this process. Needs the catalog
    /// watch, grants, audit and caller authentication.
    /// </summary>
    public static WebApplicationBuilder AddLicenceService(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<LicenceOptions, LicenceOptionsValidator>(LicenceOptions.Section);
        builder.Services.AddRedisConnection(builder.Configuration);

        builder.Services.AddSingleton<ICacheStore>(sp =>
        {
            if (sp.GetRequiredService<RedisConnection>().IsConfigured)
                return ActivatorUtilities.CreateInstance<RedisCacheStore>(sp);
            sp.GetRequiredService<ILoggerFactory>().CreateLogger("Exchange.Gateway.Licences")
                .LogWarning("Licence cache: no Redis configured (Redis:Configuration); caching in this process, which is right only for a single gateway instance");
            return ActivatorUtilities.CreateInstance<InProcessCacheStore>(sp);
        });
        builder.Services.AddHealthChecks().AddCheck<LicenceCacheHealthCheck>("redis");
        builder.Services.AddSingleton<IIssuerClient, IssuerClient>();
        builder.Services.AddSingleton<LicenceIssuers>();
        builder.Services.AddSingleton<LicenceCache>();
        builder.Services.AddSingleton<IssuerKeys>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<IssuerKeys>());
        builder.Services.AddSingleton<LicenceAdmission>();
        builder.Services.AddSingleton<LicenceBroker>();
        builder.Services.AddSingleton<ServiceItems>();
        builder.Services.AddSingleton<IServiceItemSource>(sp => sp.GetRequiredService<ServiceItems>());
        builder.Services.AddSingleton<IHolderLicenceSource>(sp => sp.GetRequiredService<LicenceBroker>());
        builder.Services.AddSingleton<ProviderFacts>();
        builder.Services.AddSingleton<IFactSources>(sp => sp.GetRequiredService<ProviderFacts>());
        builder.Services.AddSingleton<IFactReadRecorder, AuditedFactReads>();
        builder.Services.AddMaterialRules();
        builder.Services.AddSingleton<MaterialChecker>();
        builder.Services.AddSingleton<LicenceUsageQueries>();
        builder.Services.AddPresentationCodes(builder.Configuration);
        return builder;
    }

    /// <summary>True for calls of the licence service, which go through the same admission as data calls.</summary>
    public static bool IsLicenceCall(HttpContext context) => context.Request.Path.StartsWithSegments(ServicePath, StringComparison.Ordinal);

    /// <summary>Serves the licence service; Program.cs puts its calls behind audit, bearer token, case metadata and rate limits.</summary>
    public static WebApplication MapLicenceService(this WebApplication app)
    {
        // Connect to Redis (or choose the in-process cache) at start-up, not on the first lookup.
        app.Services.GetRequiredService<ICacheStore>();
        app.MapGrpcService<LicenceGrpcService>();
        return app;
    }
}

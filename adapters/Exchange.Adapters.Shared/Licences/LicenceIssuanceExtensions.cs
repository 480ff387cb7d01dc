using Exchange.Adapters.Shared.Gateway;
using Exchange.Adapters.Shared.Grpc;
using Exchange.Licences;
using Exchange.Storage;
using Grpc.AspNetCore.HealthChecks;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Exchange.ServiceDefaults.Options;

namespace Exchange.Adapters.Shared.Licences;

public static class LicenceIssuanceExtensions
{
    /// <summary>
    /// Lets the adapter issue its department's e-licences: the licence store (<c>ConnectionStrings:Licences</c>, by default
    /// <c>.data/licences/&lt;department&gt;.db</c>), the issuer key ring (<c>Licences:KeyDirectory</c>, <c>Licences:KeyRotation</c>)
    /// <c>LicenceIssuerService</c>, and the registration of the issuer's public keys in the catalog (<c>Catalog:*</c>). Call after <c>AddExchangeContextVerification</c>, whose department it issues for.
    /// </summary>
    public static WebApplicationBuilder AddLicenceIssuance<TIssuance>(this WebApplicationBuilder builder)
        where TIssuance : class, ILicenceIssuance
    {
        builder.Services.AddValidatedOptions<LicenceOptions, LicenceOptionsValidator>(LicenceOptions.Section);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ILicenceIssuance, TIssuance>();
        builder.Services.AddSingleton(services =>
        {
            var options = services.GetRequiredService<IOptions<LicenceOptions>>().Value;
            var department = services.GetRequiredService<IOptions<ExchangeContextOptions>>().Value.Department;
            var ring = IssuerKeyRing.Open(options.KeyDirectory, department, options.KeyRotation, services.GetRequiredService<TimeProvider>());
            services.GetRequiredService<ILogger<IssuerKeyRing>>().LogInformation(
                "Signing licences of {Department} with key {KeyId}; {KeyCount} keys in {Directory}",
                department, ring.Current.KeyId, ring.Keys.Count, Path.GetFullPath(options.KeyDirectory));
            return ring;
        });

        var department = builder.Configuration[$"{ExchangeContextOptions.Section}:{nameof(ExchangeContextOptions.Department)}"] ?? "adapter";
        var connectionString = builder.Configuration.GetConnectionString("Licences")
                               ?? $"Data Source=.data/licences/{department.ToLowerInvariant()}.db";
        builder.Services.AddStore<LicenceStore, SqliteLicenceStore, PostgreSqlLicenceStore>(
            StoreConnection.Parse(connectionString, "Licences"),
            // PostgreSQL commits durably by default (synchronous_commit=on); SQLite in WAL mode needs to be told.
            (provider, options) =>
            {
                if (provider == StoreProvider.Sqlite)
                    options.AddInterceptors(new DurableWrites());
            },
            pooled: true);
        builder.Services.AddScoped<LicenceRegister>();
        builder.Services.AddSingleton<LicenceSeeding>();
        builder.Services.AddHostedService(services => services.GetRequiredService<LicenceSeeding>());
        builder.Services.AddHealthChecks().AddCheck<LicenceSeedingHealthCheck>("licences", tags: [LicenceSeedingHealthCheck.Tag]);
        builder.Services.Configure<GrpcHealthChecksOptions>(health =>
        {
            health.Services.Map(string.Empty, result => !result.Tags.Contains(LicenceSeedingHealthCheck.Tag) && !result.Tags.Contains(ContextKeyHealthCheck.Tag));
            health.Services.Map(LicenceSeedingHealthCheck.GrpcServiceName, result => result.Tags.Contains(LicenceSeedingHealthCheck.Tag));
        });
        builder.Services.AddValidatedOptions<IssuerKeyRegistrationOptions, IssuerKeyRegistrationOptionsValidator>(IssuerKeyRegistrationOptions.Section);
        builder.Services.AddHostedService<IssuerKeyRegistration>();
        return builder;
    }

    /// <summary>
    /// Serves <c>LicenceIssuerService</c>. An empty licence store is filled in the background after start-up (unless
    /// <c>AdapterStore:SeedOnStart</c> is false); licence calls arriving meanwhile wait for it.
    /// </summary>
    public static WebApplication MapLicenceIssuer(this WebApplication app)
    {
        app.MapGrpcService<LicenceIssuerService>();
        return app;
    }
}

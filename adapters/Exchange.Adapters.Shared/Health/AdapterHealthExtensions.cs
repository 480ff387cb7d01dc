using Exchange.Adapters.Shared.Licences;
using Exchange.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Exchange.ServiceDefaults.Options;

namespace Exchange.Adapters.Shared.Health;

public static class AdapterHealthExtensions
{
    /// <summary>
    /// Readiness of an adapter's real dependencies: its department store, its licence store and the expiry of its
    /// licence signing key (section <c>Health</c>). Call after <c>AddAdapterStore</c> and <c>AddLicenceIssuance</c>.
    /// </summary>
    public static WebApplicationBuilder AddAdapterHealth<TContext>(this WebApplicationBuilder builder) where TContext : DbContext
    {
        builder.Services.AddValidatedOptions<AdapterHealthOptions, AdapterHealthOptionsValidator>(AdapterHealthOptions.Section);
        builder.Services.AddHealthChecks()
            .AddCheck<StoreHealthCheck<TContext>>("store")
            .AddCheck<StoreHealthCheck<LicenceStore>>("licence-store")
            .AddCheck<LicenceKeyExpiryHealthCheck>("licence-signing-key");
        return builder;
    }
}

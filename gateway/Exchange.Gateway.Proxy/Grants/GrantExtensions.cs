using Exchange.ServiceDefaults.Tls;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Exchange.Gateway.Grants;

public static class GrantExtensions
{
    /// <summary>
    /// Follows the catalog's grants (WatchGrants, with the gateway's client credentials <c>Catalog:ClientId</c> /
    /// <c>Catalog:ClientSecret</c>) and decides per call by share type and grant. Needs <c>AddCatalogWatch</c>
    /// and <c>AddCallerAuthentication</c>.
    /// </summary>
    public static WebApplicationBuilder AddGrantAuthorization(this WebApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddHttpClient(nameof(GrantWatcher), http => http.Timeout = TimeSpan.FromSeconds(10)).UseExchangeTls();
        builder.Services.AddSingleton<GrantState>();
        builder.Services.AddSingleton<GrantAuthorizer>();
        builder.Services.AddHostedService<GrantWatcher>();
        builder.Services.AddHealthChecks().AddCheck<GrantReadinessCheck>("grants");
        return builder;
    }

    /// <summary>PERMISSION_DENIED unless the consumer may call the resolved resource; records the granted data items.</summary>
    public static IApplicationBuilder UseGrantAuthorization(this IApplicationBuilder app) =>
        app.UseMiddleware<GrantAuthorizationMiddleware>();
}

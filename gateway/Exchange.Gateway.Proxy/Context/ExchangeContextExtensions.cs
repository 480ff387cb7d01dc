using Exchange.ExchangeContext;
using Exchange.ServiceDefaults.Options;
using Exchange.ServiceDefaults.Tls;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Exchange.Gateway.Context;

public static class ExchangeContextExtensions
{
    /// <summary>
    /// Issues an exchange context bound to every forwarded call, MACed with the provider's context key, which the
    /// gateway fetches from the catalog with its own client (<c>Catalog:ClientId</c>/<c>ClientSecret</c>).
    /// </summary>
    public static WebApplicationBuilder AddExchangeContextIssuing(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<ExchangeContextOptions, ExchangeContextOptionsValidator>(ExchangeContextOptions.Section);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(ContextSubjects.FromContracts());
        builder.Services.AddSingleton<ExchangeContextFactory>();
        builder.Services.AddSingleton<GatewayContextKeys>();
        builder.Services.AddSingleton<ContextKeySnapshot>();
        builder.Services.AddHttpClient(nameof(ContextKeyRefresher), http => http.Timeout = TimeSpan.FromSeconds(10)).UseExchangeTls();
        builder.Services.AddHostedService<ContextKeyRefresher>();
        return builder;
    }

    /// <summary>Attaches the bound context (and strips the consumer's token and any context it sent) before forwarding.</summary>
    public static IApplicationBuilder UseExchangeContext(this IApplicationBuilder app) => app.UseMiddleware<ExchangeContextMiddleware>();
}

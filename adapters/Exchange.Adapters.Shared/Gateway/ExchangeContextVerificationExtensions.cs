using Exchange.Adapters.Shared.Licences;
using Exchange.ExchangeContext;
using Exchange.ServiceDefaults.Tls;
using Grpc.AspNetCore.HealthChecks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Exchange.ServiceDefaults.Options;

namespace Exchange.Adapters.Shared.Gateway;

public static class ExchangeContextVerificationExtensions
{
    /// <summary>
    /// Refuses every department call without a valid exchange context for this department
    /// (<c>ExchangeContext:Department</c>), MACed with the department's context key, which it fetches from the catalog
    /// with the department's client (<c>Catalog:*</c>), and lets the service methods minimise their answers to the
    /// context's data items. Call after <c>AddServiceDefaults</c>, and <see cref="UseExchangeContextVerification"/>.
    /// </summary>
    public static WebApplicationBuilder AddExchangeContextVerification(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<ExchangeContextOptions, ExchangeContextOptionsValidator>(ExchangeContextOptions.Section);
        builder.Services.AddValidatedOptions<IssuerKeyRegistrationOptions, IssuerKeyRegistrationOptionsValidator>(IssuerKeyRegistrationOptions.Section);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ProviderContextKeys>();
        builder.Services.AddSingleton(services =>
        {
            var options = services.GetRequiredService<IOptions<ExchangeContextOptions>>().Value;
            var time = services.GetRequiredService<TimeProvider>();
            return new ExchangeContextVerifier(
                services.GetRequiredService<ProviderContextKeys>(),
                new OneTimeIds(time, options.ReplayMemoryCapacity),
                ContextSubjects.FromContracts(),
                time,
                options.MaxLifetime);
        });
        builder.Services.AddHostedService<ContextKeyFetcher>();
        builder.Services.AddHealthChecks().AddCheck<ContextKeyHealthCheck>("context-key", tags: [ContextKeyHealthCheck.Tag]);
        builder.Services.Configure<GrpcHealthChecksOptions>(health =>
        {
            health.Services.Map(string.Empty, result => !result.Tags.Contains(ContextKeyHealthCheck.Tag));
            health.Services.Map(ContextKeyHealthCheck.GrpcServiceName, result => result.Tags.Contains(ContextKeyHealthCheck.Tag));
        });
        builder.Services.AddSingleton<ExchangeContextInterceptor>();
        // Added after the error-mapping interceptor of the service defaults, so it runs inside it.
        builder.Services.AddGrpc(options => options.Interceptors.Add<ExchangeContextInterceptor>());
        return builder;
    }

    /// <summary>Checks the exchange context before the request is parsed; call right after <c>Build</c>, before <c>UseServiceDefaults</c>.</summary>
    public static WebApplication UseExchangeContextVerification(this WebApplication app)
    {
        // The transport's check comes first: a caller without the gateway's certificate is refused as such.
        app.UseClientCertificateGate();
        app.UseMiddleware<ExchangeContextGate>();
        return app;
    }
}

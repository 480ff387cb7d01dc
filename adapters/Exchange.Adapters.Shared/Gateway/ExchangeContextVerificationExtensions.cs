using Exchange.ExchangeContext;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Exchange.Adapters.Shared.Gateway;

public static class ExchangeContextVerificationExtensions
{
    /// <summary>
    /// Refuses every department call without a valid exchange context from a trusted gateway
    /// (<c>ExchangeContext:TrustedKeysDirectory</c>) for a resource of this department (<c>ExchangeContext:Department</c>),
    /// and lets the service methods minimise their answers to the context's data items. Call after <c>AddServiceDefaults</c>.
    /// </summary>
    public static WebApplicationBuilder AddExchangeContextVerification(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ExchangeContextOptions>()
            .Bind(builder.Configuration.GetSection(ExchangeContextOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(services =>
        {
            var keys = new TrustedGatewayKeys(
                services.GetRequiredService<IOptions<ExchangeContextOptions>>().Value.TrustedKeysDirectory,
                services.GetRequiredService<ILogger<TrustedGatewayKeys>>());
            return new ExchangeContextVerifier(keys.Read, services.GetRequiredService<TimeProvider>());
        });
        builder.Services.AddSingleton<ExchangeContextInterceptor>();
        // Added after the error-mapping interceptor of the service defaults, so it runs inside it.
        builder.Services.AddGrpc(options => options.Interceptors.Add<ExchangeContextInterceptor>());
        return builder;
    }
}

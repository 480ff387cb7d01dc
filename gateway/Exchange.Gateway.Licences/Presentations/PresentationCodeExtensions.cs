using Exchange.Gateway.Redis;
using Exchange.ServiceDefaults.Options;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Exchange.Gateway.Licences.Presentations;

public static class PresentationCodeExtensions
{
    /// <summary>
    /// Presentation codes (section <c>Presentations</c>), kept in the Redis every instance shares (<c>Redis:Configuration</c>)
    /// or, without one, in this process (a single gateway).
    /// </summary>
    public static IServiceCollection AddPresentationCodes(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<PresentationOptions, PresentationOptionsValidator>(configuration.GetSection(PresentationOptions.Section));
        services.AddRedisConnection(configuration);
        services.TryAddSingleton<IPresentationStore>(sp => sp.GetRequiredService<RedisConnection>().IsConfigured
            ? ActivatorUtilities.CreateInstance<RedisPresentationStore>(sp)
            : ActivatorUtilities.CreateInstance<InProcessPresentationStore>(sp));
        services.TryAddSingleton<IPresentationLicences>(sp => sp.GetRequiredService<LicenceBroker>());
        services.TryAddSingleton<PresentationCodes>();
        return services;
    }
}

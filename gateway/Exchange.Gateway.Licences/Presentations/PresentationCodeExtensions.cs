using Exchange.Gateway.Redis;
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
        services.AddOptions<PresentationOptions>()
            .Bind(configuration.GetSection(PresentationOptions.Section))
            .Validate(o => o.Lifetime > TimeSpan.Zero && o.Lifetime <= TimeSpan.FromMinutes(30), "Presentations:Lifetime must be positive and at most 30 minutes: a code is for the counter the holder stands at.")
            .Validate(o => o.MaxFailuresPerClerk > 0 && o.MaxFailuresPerDepartment >= o.MaxFailuresPerClerk, "Presentations:MaxFailuresPerClerk must be positive and at most Presentations:MaxFailuresPerDepartment.")
            .Validate(o => o.FailureWindow > TimeSpan.Zero, "Presentations:FailureWindow must be positive.")
            .ValidateOnStart();
        services.AddRedisConnection(configuration);
        services.TryAddSingleton<IPresentationStore>(sp => sp.GetRequiredService<RedisConnection>().IsConfigured
            ? ActivatorUtilities.CreateInstance<RedisPresentationStore>(sp)
            : ActivatorUtilities.CreateInstance<InProcessPresentationStore>(sp));
        services.TryAddSingleton<IPresentationLicences>(sp => sp.GetRequiredService<LicenceBroker>());
        services.TryAddSingleton<PresentationCodes>();
        return services;
    }
}

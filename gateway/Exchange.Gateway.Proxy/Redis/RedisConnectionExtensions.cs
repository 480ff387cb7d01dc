using Exchange.ServiceDefaults.Options;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Exchange.Gateway.Redis;

public static class RedisConnectionExtensions
{
    /// <summary>The instance's one Redis connection (section <c>Redis</c>), for every feature that shares state through it.</summary>
    public static IServiceCollection AddRedisConnection(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(d => d.ServiceType == typeof(RedisConnection)))
            return services;
        services.AddValidatedOptions<RedisOptions, RedisOptionsValidator>(configuration.GetSection(RedisOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<RedisConnection>();
        return services;
    }
}

using Exchange.Gateway.Redis;

namespace Exchange.Gateway.RateLimits;

public static class RateLimitExtensions
{
    /// <summary>Per-consumer token buckets (section <c>RateLimits</c>), shared by every instance through Redis when one is configured.</summary>
    public static WebApplicationBuilder AddConsumerRateLimits(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitOptions>()
            .Bind(builder.Configuration.GetSection(RateLimitOptions.Section))
            .Validate(o => o.PermitsPerSecond > 0 && o.Burst > 0, "RateLimits:PermitsPerSecond and RateLimits:Burst must be positive.")
            .Validate(o => AllPositive(o.Consumers), "RateLimits:Consumers:*:PermitsPerSecond and Burst must be positive.")
            .Validate(o => o.FallbackInstances >= 1, "RateLimits:FallbackInstances must be at least 1.")
            .ValidateOnStart();
        builder.Services.AddRedisConnection(builder.Configuration);
        builder.Services.AddSingleton<SharedTokenBuckets>();
        builder.Services.AddSingleton<ConsumerRateLimiter>();
        builder.Services.AddHealthChecks().AddCheck<RateLimitHealthCheck>("ratelimits");
        return builder;
    }

    /// <summary>Applies the consumer's rate limit when <c>RateLimits:Enabled</c> (the default).</summary>
    public static IApplicationBuilder UseConsumerRateLimits(this IApplicationBuilder app)
    {
        var options = app.ApplicationServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<RateLimitOptions>>().Value;
        return options.Enabled ? app.UseMiddleware<ConsumerRateLimitMiddleware>() : app;
    }

    private static bool AllPositive(Dictionary<string, ConsumerRateLimit> consumers)
    {
        foreach (var limit in consumers.Values)
        {
            if (limit.PermitsPerSecond is <= 0 || limit.Burst is <= 0)
                return false;
        }
        return true;
    }
}

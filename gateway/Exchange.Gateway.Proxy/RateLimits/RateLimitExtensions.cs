using Exchange.Gateway.Redis;
using Exchange.ServiceDefaults.Options;

namespace Exchange.Gateway.RateLimits;

public static class RateLimitExtensions
{
    /// <summary>Per-consumer token buckets (section <c>RateLimits</c>), shared by every instance through Redis when one is configured.</summary>
    public static WebApplicationBuilder AddConsumerRateLimits(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<RateLimitOptions, RateLimitOptionsValidator>(RateLimitOptions.Section);
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
}

using System.Globalization;
using Exchange.Gateway.Calls;
using Exchange.Gateway.Routing;
using Exchange.Gateway.Telemetry;
using Grpc.Core;
using Microsoft.AspNetCore.Http.Features;

namespace Exchange.Gateway.RateLimits;

/// <summary>RESOURCE_EXHAUSTED with <c>retry-after</c> (seconds) once a consumer exceeds its rate.</summary>
internal sealed class ConsumerRateLimitMiddleware(RequestDelegate next, ConsumerRateLimiter limiter)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var consumer = context.Features.GetRequiredFeature<ExchangeCall>().Caller!.Department!;
        RateDecision decision;
        using (var step = GatewayTracing.Step(GatewayTracing.RateLimit))
        {
            decision = await limiter.TryAcquireAsync(consumer);
            if (!decision.Admitted)
                step.Refused($"{consumer} exceeded its rate limit.");
        }
        if (decision.Admitted)
        {
            await next(context);
            return;
        }

        var seconds = Math.Max(1, (int)Math.Ceiling(decision.RetryAfter.TotalSeconds));
        var (perSecond, burst) = limiter.LimitsOf(consumer);
        await GrpcStatusResponse.WriteAsync(context, StatusCode.ResourceExhausted,
            $"{consumer} exceeded its rate limit of {perSecond} calls per second (burst {burst}); retry after {seconds} s.");
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
    }
}

using Exchange.ServiceDefaults.Options;

namespace Exchange.Gateway.Calls;

public static class CallStepsExtensions
{
    /// <summary>INVALID_ARGUMENT unless the call names its case (<c>x-exchange-case</c>) and purpose (<c>x-exchange-purpose</c>).</summary>
    public static IApplicationBuilder UseCaseMetadata(this IApplicationBuilder app) => app.UseMiddleware<CaseMetadataMiddleware>();

    /// <summary>The request limits (section <c>RequestLimits</c>), validated at start.</summary>
    public static WebApplicationBuilder AddRequestLimits(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<RequestLimitsOptions, RequestLimitsOptionsValidator>(RequestLimitsOptions.Section);
        return builder;
    }

    /// <summary>RESOURCE_EXHAUSTED for a request message over <see cref="RequestLimitsOptions.MaxMessageBytes"/>, before it is forwarded.</summary>
    public static IApplicationBuilder UseRequestMessageLimit(this IApplicationBuilder app) => app.UseMiddleware<RequestMessageLimitMiddleware>();
}

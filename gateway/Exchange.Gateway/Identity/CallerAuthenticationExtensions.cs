using Exchange.ServiceDefaults.Tls;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Exchange.Gateway.Identity;

public static class CallerAuthenticationExtensions
{
    /// <summary>
    /// Validates bearer tokens from the catalog (section <c>Identity</c>): issuer, audience, lifetime and the
    /// signature by the catalog's published keys.
    /// </summary>
    public static WebApplicationBuilder AddCallerAuthentication(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<IdentityOptions>()
            .Bind(builder.Configuration.GetSection(IdentityOptions.Section))
            .Validate(o => o.Authority.IsAbsoluteUri && (o.Authority.Scheme == Uri.UriSchemeHttp || o.Authority.Scheme == Uri.UriSchemeHttps),
                "Identity:Authority must be the catalog's absolute http or https issuer address, for example https://127.0.0.1:7002/.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.Audience), "Identity:Audience must not be empty.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.KeysPath), "Identity:KeysPath must name a file.")
            .Validate(o => o.ClockSkew >= TimeSpan.Zero && o.ClockSkew <= TimeSpan.FromMinutes(5), "Identity:ClockSkew must be between 0 and 5 minutes.")
            .Validate(o => o.KeysRefreshInterval >= TimeSpan.FromSeconds(1), "Identity:KeysRefreshInterval must be at least one second.")
            .Validate(o => o.UnknownKeyRefreshInterval >= TimeSpan.FromSeconds(1), "Identity:UnknownKeyRefreshInterval must be at least one second.")
            .ValidateOnStart();
        // Relative discovery paths need the issuer to end in '/'.
        builder.Services.PostConfigure<IdentityOptions>(o =>
        {
            if (!o.Authority.AbsoluteUri.EndsWith('/'))
                o.Authority = new Uri(o.Authority.AbsoluteUri + "/");
        });
        builder.Services.AddHttpClient(nameof(BearerTokenValidator), http => http.Timeout = TimeSpan.FromSeconds(10)).UseExchangeTls();
        builder.Services.AddSingleton<BearerTokenValidator>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        return builder;
    }

    /// <summary>Answers UNAUTHENTICATED unless the call carries a valid gateway token naming a department.</summary>
    public static IApplicationBuilder UseCallerAuthentication(this IApplicationBuilder app) =>
        app.UseMiddleware<CallerAuthenticationMiddleware>();
}

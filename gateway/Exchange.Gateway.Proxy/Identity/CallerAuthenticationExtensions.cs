using Exchange.Gateway.Calls;
using Exchange.ServiceDefaults.Tls;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Exchange.Gateway.Identity;

public static class CallerAuthenticationExtensions
{
    /// <summary>
    /// Bearer tokens from the catalog (section <c>Identity</c>) through the ASP.NET Core JwtBearer handler: issuer,
    /// audience, lifetime and the signature by the catalog's published keys, kept on disk for catalog outages
    /// (<see cref="CatalogSigningKeys"/>); and the <see cref="GatewayPolicies"/> that calls and the audit API require.
    /// </summary>
    public static WebApplicationBuilder AddCallerAuthentication(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<IdentityOptions>()
            .Bind(builder.Configuration.GetSection(IdentityOptions.Section))
            .Validate(o => o.Authority.IsAbsoluteUri && (o.Authority.Scheme == Uri.UriSchemeHttp || o.Authority.Scheme == Uri.UriSchemeHttps),
                "Identity:Authority must be the catalog's absolute http or https issuer address, for example https://127.0.0.1:7002/.")
            .Validate<IOptions<TlsOptions>>((o, tls) => tls.Value.AllowPlaintext || o.Authority.Scheme == Uri.UriSchemeHttps,
                "Identity:Authority must be https: signing keys are read over plaintext only with Tls:AllowPlaintext.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.Audience), "Identity:Audience must not be empty.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.KeysPath), "Identity:KeysPath must name a file.")
            .Validate(o => o.ClockSkew >= TimeSpan.Zero && o.ClockSkew <= TimeSpan.FromMinutes(5), "Identity:ClockSkew must be between 0 and 5 minutes.")
            .Validate(o => o.KeysRefreshInterval >= TimeSpan.FromSeconds(1), "Identity:KeysRefreshInterval must be at least one second.")
            .Validate(o => o.UnknownKeyRefreshInterval >= TimeSpan.FromSeconds(1), "Identity:UnknownKeyRefreshInterval must be at least one second.")
            .Validate(o => o.ValidatedTokenCacheSize is >= 0 and <= 1_000_000, "Identity:ValidatedTokenCacheSize must be between 0 and 1000000.")
            .ValidateOnStart();
        // Relative discovery paths need the issuer to end in '/'.
        builder.Services.PostConfigure<IdentityOptions>(o =>
        {
            if (!o.Authority.AbsoluteUri.EndsWith('/'))
                o.Authority = new Uri(o.Authority.AbsoluteUri + "/");
        });
        builder.Services.AddHttpClient(nameof(CatalogSigningKeys), http => http.Timeout = TimeSpan.FromSeconds(10)).UseExchangeTls();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<CatalogSigningKeys>();
        builder.Services.AddSingleton<CatalogTokenEvents>();

        // The clerk page's cookie stays the default scheme; every gateway policy names this one.
        builder.Services.AddAuthentication().AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<CatalogSigningKeys, IOptions<IdentityOptions>, TimeProvider>((bearer, keys, identity, time) =>
            {
                var options = identity.Value;
                bearer.ConfigurationManager = keys;
                bearer.MetadataAddress = keys.MetadataAddress;
                bearer.RequireHttpsMetadata = keys.RequireHttps;
                bearer.RefreshOnIssuerKeyNotFound = true;
                bearer.MapInboundClaims = false;
                bearer.EventsType = typeof(CatalogTokenEvents);
                bearer.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidateIssuer = true,
                    ValidateAudience = true,
                    ValidAudiences = [options.Audience, .. options.AuditAudiences],
                    ValidateLifetime = true,
                    RequireExpirationTime = true,
                    ClockSkew = options.ClockSkew,
                    ValidateIssuerSigningKey = true,
                    RequireSignedTokens = true,
                    NameClaimType = Caller.SubjectClaim,
                    RoleClaimType = Caller.RoleClaim,
                };
                if (options.ValidatedTokenCacheSize > 0)
                {
                    TokenHandler[] handlers = [.. bearer.TokenHandlers];
                    bearer.TokenHandlers.Clear();
                    foreach (var handler in handlers)
                        bearer.TokenHandlers.Add(new ValidatedTokenCache(handler, time, options.ValidatedTokenCacheSize));
                }
            });
        builder.Services.AddAuthorization();
        builder.Services.AddOptions<AuthorizationOptions>()
            .Configure<IOptions<IdentityOptions>>((authorization, identity) => GatewayPolicies.Add(authorization, identity.Value.Audience));
        builder.Services.AddSingleton<GrpcAuthorizationResponder>();
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler>(sp => sp.GetRequiredService<GrpcAuthorizationResponder>());
        return builder;
    }

    /// <summary>
    /// The <see cref="GatewayPolicies.DepartmentCaller"/> policy as a call step: UNAUTHENTICATED (or PERMISSION_DENIED
    /// for a client of no department) unless the call carries a valid gateway token naming a department.
    /// </summary>
    public static IApplicationBuilder UseCallerAuthorization(this IApplicationBuilder app) =>
        app.UseMiddleware<CallerAuthorizationMiddleware>();
}

using Exchange.Gateway.Calls;
using Exchange.ServiceDefaults.Grpc;
using Exchange.ServiceDefaults.Options;
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
        builder.Services.AddValidatedOptions<IdentityOptions, IdentityOptionsValidator>(IdentityOptions.Section)
            .PostConfigure<IOptions<TlsOptions>>((o, tls) =>
            {
                o.PlaintextAllowed = tls.Value.AllowPlaintext;
                // Relative discovery paths need the issuer to end in '/'.
                if (o.Authority is { IsAbsoluteUri: true } authority && !authority.AbsoluteUri.EndsWith('/'))
                    o.Authority = new Uri(authority.AbsoluteUri + "/");
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
        builder.Services.AddGrpcAuthorizationResponder<GatewayRefusalReasons>();
        return builder;
    }

    /// <summary>
    /// The <see cref="GatewayPolicies.DepartmentCaller"/> policy as a call step: UNAUTHENTICATED (or PERMISSION_DENIED
    /// for a client of no department) unless the call carries a valid gateway token naming a department.
    /// </summary>
    public static IApplicationBuilder UseCallerAuthorization(this IApplicationBuilder app) =>
        app.UseMiddleware<CallerAuthorizationMiddleware>();
}

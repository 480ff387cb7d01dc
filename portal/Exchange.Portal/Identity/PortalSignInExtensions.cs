using Exchange.Client;
using Exchange.ServiceDefaults.Tls;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Exchange.ServiceDefaults.Options;

namespace Exchange.Portal.Identity;

public static class PortalSignInExtensions
{
    /// <summary>
    /// Holder sign-in: OpenID Connect authorization code flow with PKCE against the catalog (the portal's confidential
    /// client), the tokens kept in the portal's encrypted session cookie, never shown to the browser's scripts. A
    /// session lasts as long as its access token: then the holder signs in again, with a new one-time code.
    /// </summary>
    public static WebApplicationBuilder AddPortalSignIn(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<PortalOptions, PortalOptionsValidator>(PortalOptions.Section);

        builder.Services.AddAuthentication(options =>
            {
                options.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                options.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
            })
            .AddCookie(cookie =>
            {
                cookie.Cookie.Name = "exchange-portal";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.Always;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.SlidingExpiration = false;
                cookie.Events.OnValidatePrincipal = EndWithAccessTokenAsync;
            })
            .AddOpenIdConnect();
        builder.Services.AddOptions<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme)
            .Configure<IOptions<PortalOptions>, IOptions<TlsOptions>>((oidc, portal, tls) =>
            {
                oidc.Authority = portal.Value.Authority!.AbsoluteUri;
                oidc.ClientId = portal.Value.ClientId;
                oidc.ClientSecret = portal.Value.ClientSecret;
                oidc.ResponseType = OpenIdConnectResponseType.Code;
                oidc.UsePkce = true;
                oidc.Scope.Clear();
                oidc.Scope.Add("openid");
                oidc.Scope.Add("exchange.gateway");
                // The objection service at the catalog takes the same token: it names both audiences.
                oidc.Scope.Add("exchange.catalog");
                oidc.SaveTokens = true;
                oidc.MapInboundClaims = false;
                oidc.GetClaimsFromUserInfoEndpoint = false;
                oidc.TokenValidationParameters.NameClaimType = HolderClaims.Holder;
                oidc.RequireHttpsMetadata = !tls.Value.AllowPlaintext;
                // The catalog's certificate is of the exchange CA, trusted alone (as every service trusts its peers).
                oidc.BackchannelHttpHandler = ExchangeTrust.CreateHandler(tls.Value.CaPath);
                oidc.ProtocolValidator.RequireNonce = true;
            });
        builder.Services.AddAuthorization();
        return builder;
    }

    private static async Task EndWithAccessTokenAsync(CookieValidatePrincipalContext context)
    {
        var expiresAt = context.Properties.GetTokenValue("expires_at");
        var time = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        if (expiresAt is null || !DateTimeOffset.TryParse(expiresAt, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var until)
            || until <= time.GetUtcNow().AddSeconds(10))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }
}

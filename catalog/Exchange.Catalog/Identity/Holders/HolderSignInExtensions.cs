using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using Exchange.ServiceDefaults.Options;

namespace Exchange.Catalog.Identity.Holders;

public static class HolderSignInExtensions
{
    /// <summary>The few minutes between a verified one-time code and the authorization code it leads to.</summary>
    public const string CookieScheme = "holder-signin";
    public const string SignInPath = "/holder/signin";
    public const string AttemptCookie = "exchange-holder-attempt";

    /// <summary>
    /// Holder sign-in for the portal: the demo identity service (one-time codes in the log), the sign-in page's cookie
    /// (path /, SameSite Strict so another site cannot complete a sign-in in the holder's browser) and its settings.
    /// </summary>
    public static WebApplicationBuilder AddHolderSignIn(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<HolderSignInOptions, HolderSignInOptionsValidator>(HolderSignInOptions.Section);
        builder.Services.AddSingleton<DemoIdentityStore>();
        builder.Services.AddSingleton<RedeemedAuthorizationCodes>();
        builder.Services.AddAuthentication()
            .AddCookie(CookieScheme, cookie =>
            {
                cookie.Cookie.Name = "exchange-holder";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.ExpireTimeSpan = TimeSpan.FromMinutes(5);
                cookie.SlidingExpiration = false;
                cookie.LoginPath = SignInPath;
            });
        return builder;
    }

    public static WebApplication MapHolderSignIn(this WebApplication app)
    {
        app.MapMethods(AuthorizeEndpoint.Path, [HttpMethods.Get, HttpMethods.Post], AuthorizeEndpoint.AuthorizeAsync);
        return app;
    }
}

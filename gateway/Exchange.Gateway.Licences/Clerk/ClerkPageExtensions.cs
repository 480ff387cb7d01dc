using System.Security.Claims;
using Exchange.ServiceDefaults.Options;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Exchange.Gateway.Licences.Clerk;

public static class ClerkPageExtensions
{
    public const string BasePath = "/clerk";
    public const string CookieScheme = "clerk";
    public const string DepartmentClaim = "department";
    private const string StyleSheetResource = "Exchange.Gateway.Licences.Clerk.clerk.css";
    private const string MaterialsStyleSheetResource = "Exchange.Gateway.Licences.Clerk.materials.css";

    /// <summary>
    /// The counter clerks' e-licence verification page (Razor Pages under /clerk, Chinese, on the gateway's Web
    /// endpoint): clerk accounts from configuration, cookie sign-in with lock-out, antiforgery on every form.
    /// </summary>
    public static WebApplicationBuilder AddClerkPage(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<ClerkOptions, ClerkOptionsValidator>(ClerkOptions.Section);
        builder.Services.AddSingleton<ClerkAccounts>();
        builder.Services.AddSingleton<ClerkLookup>();
        builder.Services.AddSingleton<ClerkMaterials>();
        builder.Services.AddAuthentication(CookieScheme).AddCookie(CookieScheme, cookie =>
        {
            cookie.Cookie.Name = "exchange-clerk";
            cookie.Cookie.Path = BasePath;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.LoginPath = BasePath + "/signin";
            cookie.LogoutPath = BasePath + "/signout";
            cookie.ExpireTimeSpan = builder.Configuration.GetValue($"{ClerkOptions.Section}:SessionLifetime", TimeSpan.FromHours(8));
            cookie.SlidingExpiration = true;
        });
        builder.Services.AddAuthorization();
        builder.Services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "exchange-clerk-csrf";
            antiforgery.Cookie.Path = BasePath;
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
        });
        // Razor would otherwise write every Chinese character as a numeric entity.
        builder.Services.AddWebEncoders(encoders => encoders.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.AddRazorPages(pages =>
        {
            pages.Conventions.AuthorizeFolder("/Clerk");
            pages.Conventions.AllowAnonymousToPage("/Clerk/SignIn");
        });
        return builder;
    }

    /// <summary>Maps the page, its style sheet, and "/" to it; needs <c>UseAuthentication</c> and <c>UseAuthorization</c> before it.</summary>
    public static WebApplication MapClerkPage(this WebApplication app)
    {
        app.MapGet(BasePath + "/clerk.css", () =>
        {
            var css = typeof(ClerkPageExtensions).Assembly.GetManifestResourceStream(StyleSheetResource)
                      ?? throw new InvalidOperationException($"The embedded resource {StyleSheetResource} is missing.");
            return Results.Stream(css, "text/css; charset=utf-8");
        });
        app.MapGet(BasePath + "/materials.css", () =>
        {
            var css = typeof(ClerkPageExtensions).Assembly.GetManifestResourceStream(MaterialsStyleSheetResource)
                      ?? throw new InvalidOperationException($"The embedded resource {MaterialsStyleSheetResource} is missing.");
            return Results.Stream(css, "text/css; charset=utf-8");
        });
        app.MapGet("/", () => Results.Redirect(BasePath));
        app.MapRazorPages();
        return app;
    }

    internal static ClerkUser Clerk(this ClaimsPrincipal user) => new(
        user.Identity?.Name ?? string.Empty,
        user.FindFirstValue(DepartmentClaim) ?? string.Empty,
        user.FindFirstValue(ClaimTypes.GivenName) ?? string.Empty);
}

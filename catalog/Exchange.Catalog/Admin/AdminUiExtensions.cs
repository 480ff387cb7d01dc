using System.Text.Encodings.Web;
using System.Text.Unicode;
using Exchange.Catalog.Admin.Accounts;
using Exchange.Catalog.Admin.Audit;
using Exchange.Catalog.Admin.Gateways;
using Exchange.Catalog.Admin.Statistics;
using Exchange.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Exchange.ServiceDefaults.Options;

namespace Exchange.Catalog.Admin;

public static class AdminUiExtensions
{
    public const string BasePath = "/admin";
    private const string DefaultConnectionString = "Data Source=.data/catalog-admin.db";
    private const string StyleSheetResource = "Exchange.Catalog.Admin.admin.css";

    /// <summary>
    /// The admin web UI (Razor Pages under /admin on the Web endpoint): local accounts from configuration in their
    /// own SQLite file (ConnectionStrings:CatalogAdmin), cookie sign-in with lock-out, antiforgery on every form,
    /// a reader of the gateway's audit log, and the call statistics of every gateway instance.
    /// </summary>
    public static WebApplicationBuilder AddAdminUi(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<AdminOptions, AdminOptionsValidator>(AdminOptions.Section);

        var connectionString = builder.Configuration.GetConnectionString("CatalogAdmin") ?? DefaultConnectionString;
        builder.Services.AddStore<AdminAccountsDbContext, SqliteAdminAccountsDbContext, PostgreSqlAdminAccountsDbContext>(
            StoreConnection.Parse(connectionString, "CatalogAdmin"));
        builder.Services.AddSingleton<IPasswordHasher<AdminAccount>, PasswordHasher<AdminAccount>>();
        builder.Services.AddScoped<AdminSignIn>();
        builder.Services.AddHostedService<AdminAccountSeeding>();
        builder.Services.AddSingleton<GatewayChannels>();
        builder.Services.AddSingleton<GatewayAuditLog>();
        builder.Services.AddGatewayStatistics();
        builder.Services.AddSingleton<PageClock>();

        builder.Services.AddAuthentication()
            .AddCookie(AdminPolicies.CookieScheme, cookie =>
            {
                cookie.Cookie.Name = "exchange-admin";
                cookie.Cookie.Path = BasePath;
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Strict;
                cookie.LoginPath = BasePath + "/signin";
                cookie.LogoutPath = BasePath + "/signout";
                cookie.AccessDeniedPath = BasePath + "/denied";
                cookie.SlidingExpiration = true;
                cookie.Events.OnValidatePrincipal = RejectStaleSessionAsync;
            });
        builder.Services.AddOptions<CookieAuthenticationOptions>(AdminPolicies.CookieScheme)
            .Configure<IOptions<AdminOptions>>((cookie, admin) => cookie.ExpireTimeSpan = admin.Value.SessionLifetime);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(AdminPolicies.Staff, policy => policy
                .AddAuthenticationSchemes(AdminPolicies.CookieScheme)
                .RequireRole(AdminRoles.CatalogAdmin, AdminRoles.DepartmentReviewer))
            .AddPolicy(AdminPolicies.CatalogAdmin, policy => policy
                .AddAuthenticationSchemes(AdminPolicies.CookieScheme)
                .RequireRole(AdminRoles.CatalogAdmin));
        builder.Services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "exchange-admin-csrf";
            antiforgery.Cookie.Path = BasePath;
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
        });

        // Razor would otherwise write every Chinese character as a numeric entity.
        builder.Services.AddWebEncoders(encoders => encoders.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.AddRazorPages(pages =>
            {
                pages.RootDirectory = "/Admin/Pages";
                pages.Conventions.AuthorizeFolder("/", AdminPolicies.Staff);
                pages.Conventions.AuthorizePage("/Resources/Edit", AdminPolicies.CatalogAdmin);
                pages.Conventions.AuthorizePage("/ServiceItems/Edit", AdminPolicies.CatalogAdmin);
                pages.Conventions.AuthorizeFolder("/Audit", AdminPolicies.CatalogAdmin);
                pages.Conventions.AuthorizeFolder("/Statistics", AdminPolicies.CatalogAdmin);
                pages.Conventions.AllowAnonymousToPage("/SignIn");
                pages.Conventions.AllowAnonymousToPage("/Denied");
                // Holders sign in to the portal here (Identity/Holders), not to the admin UI.
                pages.Conventions.AllowAnonymousToFolder("/Holder");
                pages.Conventions.AddPageRoute("/Resources/Edit", "admin/drafts/new");
                pages.Conventions.AddPageRoute("/ServiceItems/Edit", "admin/service-items/new");
            })
            .AddMvcOptions(mvc =>
            {
                var messages = mvc.ModelBindingMessageProvider;
                messages.SetAttemptedValueIsInvalidAccessor((value, _) => $"“{value}”不是有效的值。");
                messages.SetValueIsInvalidAccessor(value => $"“{value}”不是有效的值。");
                messages.SetUnknownValueIsInvalidAccessor(_ => "值无效。");
                messages.SetValueMustNotBeNullAccessor(_ => "必填。");
                messages.SetMissingBindRequiredValueAccessor(_ => "必填。");
                messages.SetMissingKeyOrValueAccessor(() => "必填。");
                messages.SetValueMustBeANumberAccessor(_ => "必须是数字。");
                messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"“{value}”不是有效的值。");
                messages.SetNonPropertyValueMustBeANumberAccessor(() => "必须是数字。");
                messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "值无效。");
                messages.SetMissingRequestBodyRequiredValueAccessor(() => "请求内容为空。");
            });
        return builder;
    }

    /// <summary>The admin pages and their style sheet; needs <c>UseAuthentication</c> and <c>UseAuthorization</c> before it.</summary>
    public static WebApplication MapAdminUi(this WebApplication app)
    {
        app.MapGet(BasePath + "/admin.css", () =>
        {
            var css = typeof(AdminUiExtensions).Assembly.GetManifestResourceStream(StyleSheetResource)
                      ?? throw new InvalidOperationException($"The embedded resource {StyleSheetResource} is missing.");
            return Results.Stream(css, "text/css; charset=utf-8");
        });
        app.MapRazorPages();
        return app;
    }

    private static async Task RejectStaleSessionAsync(CookieValidatePrincipalContext context)
    {
        var signIn = context.HttpContext.RequestServices.GetRequiredService<AdminSignIn>();
        if (context.Principal is null || !await signIn.IsCurrentAsync(context.Principal, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(AdminPolicies.CookieScheme);
        }
    }
}

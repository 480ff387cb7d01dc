using System.Text.Encodings.Web;
using System.Text.Unicode;
using Exchange.Portal.Gateway;

namespace Exchange.Portal;

public static class PortalPagesExtensions
{
    private const string StyleSheetResource = "Exchange.Portal.portal.css";

    /// <summary>The portal's pages (Razor Pages, every one for a signed-in holder) and the gateway calls behind them.</summary>
    public static WebApplicationBuilder AddPortalPages(this WebApplicationBuilder builder)
    {
        builder.Services.TryAddSingletonTimeProvider();
        builder.Services.AddSingleton<HolderGatewayCalls>();
        builder.Services.AddSingleton<MyLicences>();
        builder.Services.AddSingleton<MyUsage>();
        builder.Services.AddSingleton<MyPresentations>();
        builder.Services.AddSingleton<MyObjections>();
        // Razor would otherwise write every Chinese character as a numeric entity.
        builder.Services.AddWebEncoders(encoders => encoders.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.AddRazorPages(pages =>
        {
            pages.Conventions.AuthorizeFolder("/");
            pages.Conventions.AllowAnonymousToPage("/SignedOut");
        });
        return builder;
    }

    public static WebApplication MapPortalPages(this WebApplication app)
    {
        app.MapGet("/portal.css", () =>
        {
            var css = typeof(PortalPagesExtensions).Assembly.GetManifestResourceStream(StyleSheetResource)
                      ?? throw new InvalidOperationException($"The embedded resource {StyleSheetResource} is missing.");
            return Results.Stream(css, "text/css; charset=utf-8");
        });
        app.MapRazorPages();
        return app;
    }

    private static void TryAddSingletonTimeProvider(this IServiceCollection services) =>
        Microsoft.Extensions.DependencyInjection.Extensions.ServiceCollectionDescriptorExtensions.TryAddSingleton(services, TimeProvider.System);
}

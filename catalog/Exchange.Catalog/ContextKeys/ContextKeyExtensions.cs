using Exchange.ServiceDefaults.Options;
namespace Exchange.Catalog.ContextKeys;

public static class ContextKeyExtensions
{
    /// <summary>Keeps one exchange-context key per provider department (section <c>ContextKeys</c>) and serves them to the gateway and each provider.</summary>
    public static WebApplicationBuilder AddContextKeys(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<ContextKeyOptions, ContextKeyOptionsValidator>(ContextKeyOptions.Section);
        builder.Services.AddSingleton<ContextKeyStore>();
        return builder;
    }

    public static WebApplication MapContextKeys(this WebApplication app)
    {
        app.MapGrpcService<ContextKeyGrpcService>();
        return app;
    }
}

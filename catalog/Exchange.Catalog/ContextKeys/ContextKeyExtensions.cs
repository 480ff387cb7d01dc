namespace Exchange.Catalog.ContextKeys;

public static class ContextKeyExtensions
{
    /// <summary>Keeps one exchange-context key per provider department (section <c>ContextKeys</c>) and serves them to the gateway and each provider.</summary>
    public static WebApplicationBuilder AddContextKeys(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ContextKeyOptions>()
            .Bind(builder.Configuration.GetSection(ContextKeyOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => o.Grace < o.Rotation, "ContextKeys:Grace must be shorter than ContextKeys:Rotation.")
            .ValidateOnStart();
        builder.Services.AddSingleton<ContextKeyStore>();
        return builder;
    }

    public static WebApplication MapContextKeys(this WebApplication app)
    {
        app.MapGrpcService<ContextKeyGrpcService>();
        return app;
    }
}

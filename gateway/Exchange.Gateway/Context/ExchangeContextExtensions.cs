using Exchange.ExchangeContext;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Exchange.Gateway.Context;

public static class ExchangeContextExtensions
{
    /// <summary>
    /// Signs an exchange context for every forwarded call with the key at <c>ExchangeContext:SigningKeyPath</c>
    /// (created when missing, its public half written to <c>ExchangeContext:TrustedKeysDirectory</c>).
    /// </summary>
    public static WebApplicationBuilder AddExchangeContextSigning(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ExchangeContextOptions>()
            .Bind(builder.Configuration.GetSection(ExchangeContextOptions.Section))
            .Validate(o => !string.IsNullOrWhiteSpace(o.SigningKeyPath), "ExchangeContext:SigningKeyPath must name a file.")
            .Validate(o => o.Lifetime > TimeSpan.Zero && o.Lifetime <= TimeSpan.FromMinutes(10), "ExchangeContext:Lifetime must be positive and at most 10 minutes.")
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ExchangeContextFactory>();
        builder.Services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<ExchangeContextOptions>>().Value;
            var trusted = string.IsNullOrWhiteSpace(options.TrustedKeysDirectory) ? null : Path.GetFullPath(options.TrustedKeysDirectory);
            return new ExchangeContextSigner(ExchangeContextKey.LoadOrCreateSigningKey(Path.GetFullPath(options.SigningKeyPath), trusted));
        });
        return builder;
    }

    /// <summary>Attaches the signed context (and strips the consumer's token and any context it sent) before forwarding.</summary>
    public static IApplicationBuilder UseExchangeContext(this IApplicationBuilder app)
    {
        // Load or create the key at start-up, not on the first call.
        app.ApplicationServices.GetRequiredService<ExchangeContextSigner>();
        return app.UseMiddleware<ExchangeContextMiddleware>();
    }
}

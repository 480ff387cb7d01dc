using Exchange.Catalog.Grpc;
using Exchange.Transparency;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Exchange.ServiceDefaults.Options;

namespace Exchange.Catalog.Witness;

public static class WitnessExtensions
{
    /// <summary>
    /// The catalog as a witness of the gateways' audit logs (section <c>Witness</c>): it accepts a checkpoint only from
    /// a gateway client, signed by a trusted audit key, and consistent with the one it holds, then countersigns it.
    /// </summary>
    public static WebApplicationBuilder AddAuditWitness(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<WitnessOptions, WitnessOptionsValidator>(WitnessOptions.Section);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<WitnessOptions>>().Value;
            return new CheckpointWitness(
                new CatalogWitnessLedger(sp.GetRequiredService<IServiceScopeFactory>()), new DirectoryTrustedLogKeys(options.TrustedLogKeysDirectory),
                TransparencyKey.LoadOrCreate(options.SigningKeyPath), options.Name, sp.GetRequiredService<TimeProvider>());
        });
        return builder;
    }

    public static WebApplication MapAuditWitness(this WebApplication app)
    {
        app.MapGrpcService<WitnessGrpcService>();
        return app;
    }
}

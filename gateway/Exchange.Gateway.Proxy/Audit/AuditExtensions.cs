using Exchange.ServiceDefaults.Options;
using Exchange.ServiceDefaults.Tls;
using Exchange.Gateway.Audit.Store;
using Exchange.Gateway.Audit.Transparency;
using Exchange.Transparency;
using Microsoft.Extensions.Options;
using Exchange.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Yarp.ReverseProxy.Transforms.Builder;

namespace Exchange.Gateway.Audit;

public static class AuditExtensions
{
    /// <summary>
    /// The hash-chained audit log of every call at <c>ConnectionStrings:Audit</c> (a SQLite file, default
    /// <c>Data Source=.data/gateway/audit.db</c>, or PostgreSQL when it names a server, shared by every gateway
    /// instance), its group-commit writer, and the capture of what providers report.
    /// </summary>
    public static WebApplicationBuilder AddCallAudit(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<AuditOptions, AuditOptionsValidator>(AuditOptions.Section);
        builder.Services.TryAddSingleton(TimeProvider.System);
        var connection = StoreConnection.Parse(
            builder.Configuration.GetConnectionString(AuditOptions.ConnectionStringName) ?? AuditOptions.DefaultConnectionString,
            AuditOptions.ConnectionStringName);
        // The context carries the schema's migrations; records go through AuditStore's ADO.NET.
        builder.Services.AddStore<AuditDbContext, SqliteAuditDbContext, PostgreSqlAuditDbContext>(connection);
        builder.Services.AddSingleton(new AuditStore(connection));
        builder.Services.AddHealthChecks().AddCheck<StoreHealthCheck<AuditDbContext>>("audit-store");
        builder.Services.AddSingleton<AuditWriter>();
        builder.Services.AddSingleton<IAuditLog, AuditLog>();
        builder.Services.AddSingleton<CallStatisticsReader>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<AuditWriter>());
        builder.Services.AddSingleton<ITransformProvider, ProviderReportTransform>();
        builder.AddAuditTransparency();
        return builder;
    }

    /// <summary>
    /// The transparency log over the audit records: signed checkpoints made off the request path (every
    /// <c>Audit:CheckpointEveryRecords</c> records or <c>Audit:CheckpointInterval</c>) and offered to the witnesses
    /// (the catalog, <c>Audit:Witnesses:&lt;n&gt;</c>); and this instance as a witness of the other instances' logs.
    /// </summary>
    private static void AddAuditTransparency(this WebApplicationBuilder builder)
    {
        builder.Services.AddHttpClient(nameof(AuditWitnesses), http => http.Timeout = TimeSpan.FromSeconds(10)).UseExchangeTls();
        builder.Services.AddSingleton<AuditLogKey>();
        builder.Services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<AuditOptions>>().Value;
            return new CheckpointSchedule(options.CheckpointInterval, options.CheckpointEveryRecords, sp.GetRequiredService<TimeProvider>());
        });
        builder.Services.AddSingleton<AuditWitnesses>();
        builder.Services.AddSingleton<CheckpointPublisher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<CheckpointPublisher>());
        builder.Services.AddSingleton<WitnessedLog>();
        builder.Services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<AuditOptions>>().Value;
            return new CheckpointWitness(
                new FileWitnessLedger(options.WitnessDirectory), new DirectoryTrustedLogKeys(options.TrustedLogKeysDirectory),
                TransparencyKey.LoadOrCreate(options.WitnessKeyPath), options.WitnessName, sp.GetRequiredService<TimeProvider>());
        });
    }

    /// <summary>Records the call, whatever its outcome, durably before its response completes.</summary>
    public static IApplicationBuilder UseCallAudit(this IApplicationBuilder app) => app.UseMiddleware<CallAuditMiddleware>();

    /// <summary>
    /// Serves exchange.audit.v1.AuditService (query, call statistics, verification against the witnesses, inclusion
    /// proofs) and WitnessService (this instance witnessing the others' logs) from the gateway itself.
    /// </summary>
    public static WebApplication MapAuditService(this WebApplication app)
    {
        app.MapGrpcService<AuditGrpcService>();
        app.MapGrpcService<WitnessGrpcService>();
        return app;
    }
}

using Exchange.Gateway.Audit.Store;
using Exchange.Gateway.Grpc;
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
        builder.Services.AddOptions<AuditOptions>()
            .Bind(builder.Configuration.GetSection(AuditOptions.Section))
            .Validate(o => o.MaxBatchSize is > 0 and <= 100_000, "Audit:MaxBatchSize must be between 1 and 100000.")
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        var connection = StoreConnection.Parse(
            builder.Configuration.GetConnectionString(AuditOptions.ConnectionStringName) ?? AuditOptions.DefaultConnectionString,
            AuditOptions.ConnectionStringName);
        // The context carries the schema's migrations; records go through AuditStore's ADO.NET.
        builder.Services.AddStore<AuditDbContext, SqliteAuditDbContext, PostgreSqlAuditDbContext>(connection);
        builder.Services.AddSingleton(new AuditStore(connection));
        builder.Services.AddHealthChecks().AddCheck<StoreHealthCheck<AuditDbContext>>("audit-store");
        builder.Services.AddSingleton<AuditWriter>();
        builder.Services.AddSingleton<CallStatisticsReader>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<AuditWriter>());
        builder.Services.AddSingleton<ITransformProvider, ProviderReportTransform>();
        return builder;
    }

    /// <summary>Records the call, whatever its outcome, durably before its response completes.</summary>
    public static IApplicationBuilder UseCallAudit(this IApplicationBuilder app) => app.UseMiddleware<CallAuditMiddleware>();

    /// <summary>Serves exchange.audit.v1.AuditService (query, call statistics and chain verification) from the gateway itself.</summary>
    public static WebApplication MapAuditService(this WebApplication app)
    {
        app.MapGrpcService<AuditGrpcService>();
        return app;
    }
}

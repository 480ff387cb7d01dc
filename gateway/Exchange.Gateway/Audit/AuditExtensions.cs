using Exchange.Gateway.Grpc;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Transforms.Builder;

namespace Exchange.Gateway.Audit;

public static class AuditExtensions
{
    /// <summary>
    /// The hash-chained audit log of every call (SQLite at <c>ConnectionStrings:Audit</c>, default
    /// <c>Data Source=.data/gateway/audit.db</c>), its group-commit writer, and the capture of what providers report.
    /// </summary>
    public static WebApplicationBuilder AddCallAudit(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AuditOptions>()
            .Bind(builder.Configuration.GetSection(AuditOptions.Section))
            .Configure(o => o.ConnectionString = builder.Configuration.GetConnectionString(AuditOptions.ConnectionStringName) ?? AuditOptions.DefaultConnectionString)
            .Validate(o => o.MaxBatchSize is > 0 and <= 100_000, "Audit:MaxBatchSize must be between 1 and 100000.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.ConnectionString), "ConnectionStrings:Audit must not be empty.")
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(sp => new AuditStore(sp.GetRequiredService<IOptions<AuditOptions>>().Value.ConnectionString));
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

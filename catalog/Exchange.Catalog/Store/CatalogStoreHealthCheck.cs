using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Exchange.Catalog.Store;

/// <summary>Ready when the catalog's database answers; the gRPC health service reports SERVING from this.</summary>
internal sealed class CatalogStoreHealthCheck(CatalogDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The catalog database cannot be opened.");
}

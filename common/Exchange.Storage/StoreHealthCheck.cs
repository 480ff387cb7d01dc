using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Exchange.Storage;

/// <summary>Ready while the store answers a query; a store that cannot be opened makes every call fail, so it is unhealthy.</summary>
public sealed class StoreHealthCheck<TContext>(TContext store) : IHealthCheck where TContext : DbContext
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await store.Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy($"The {typeof(TContext).Name} store answers.")
                : HealthCheckResult.Unhealthy($"The {typeof(TContext).Name} store cannot be opened (does its database file exist?).");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"The {typeof(TContext).Name} store fails: {ex.Message}");
        }
    }
}

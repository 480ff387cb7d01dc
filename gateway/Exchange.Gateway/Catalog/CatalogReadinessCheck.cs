using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Exchange.Gateway.Catalog;

/// <summary>
/// Ready once the gateway has a catalog to route on, from disk or from the catalog. Routing on a saved
/// snapshot while the catalog is unreachable is degraded, which still counts as serving.
/// </summary>
internal sealed class CatalogReadinessCheck(CatalogState state, IOptions<CatalogOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var catalog = state.Current;
        var address = options.Value.Address;
        var result = catalog switch
        {
            null => HealthCheckResult.Unhealthy($"No catalog yet: no saved snapshot and the catalog at {address} has not answered."),
            _ when state.IsConnected => HealthCheckResult.Healthy(
                $"Routing on catalog revision {catalog.Revision} ({catalog.ResourcesByCode.Count} resources), watching {address}."),
            _ => HealthCheckResult.Degraded(
                $"Routing on last known catalog revision {catalog.Revision} ({(state.Source == CatalogSource.Disk ? "saved snapshot" : "received before the outage")}); the catalog at {address} is unreachable."),
        };
        return Task.FromResult(result);
    }
}

using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Exchange.Gateway.Catalog;

/// <summary>
/// Ready once the gateway has a catalog to route on, from disk or from the catalog. Routing on a catalog it cannot
/// confirm as current (the catalog unreachable) is degraded, which still counts as serving, until that catalog is
/// older than <see cref="CatalogOptions.MaxSnapshotAge"/>: then the gateway is not ready.
/// </summary>
internal sealed class CatalogReadinessCheck(CatalogState state, IOptions<CatalogOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var catalog = state.Current;
        var (address, maxAge) = (options.Value.Address, options.Value.MaxSnapshotAge);
        if (catalog is null)
            return Task.FromResult(HealthCheckResult.Unhealthy($"No catalog yet: no saved snapshot and the catalog at {address} has not answered."));
        if (state.IsConnected)
            return Task.FromResult(HealthCheckResult.Healthy(
                $"Routing on catalog revision {catalog.Revision} ({catalog.ResourcesByCode.Count} resources), watching {address}."));

        var knownCurrentAt = state.KnownCurrentAt;
        var age = DateTimeOffset.UtcNow - knownCurrentAt;
        var what = $"catalog revision {catalog.Revision} ({(state.Source == CatalogSource.Disk ? "saved snapshot" : "received before the outage")}), " +
                   $"last known current at {knownCurrentAt.ToString("u", CultureInfo.InvariantCulture)} ({Whole(age)} ago); the catalog at {address} is unreachable";
        var data = new Dictionary<string, object> { ["revision"] = catalog.Revision, ["ageSeconds"] = Math.Round(age.TotalSeconds) };
        return Task.FromResult(age > maxAge
            ? HealthCheckResult.Unhealthy($"Not routing any more on {what}, longer than Catalog:MaxSnapshotAge {maxAge}.", data: data)
            : HealthCheckResult.Degraded($"Routing on last known {what}; not ready once older than Catalog:MaxSnapshotAge {maxAge}.", data: data));
    }

    private static TimeSpan Whole(TimeSpan age) => TimeSpan.FromSeconds(Math.Max(0, Math.Round(age.TotalSeconds)));
}

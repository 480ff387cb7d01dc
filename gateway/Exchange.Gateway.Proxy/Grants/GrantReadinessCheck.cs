using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Exchange.Gateway.Grants;

/// <summary>Reports whether grants are current. Never unhealthy: without grants the gateway still serves what needs none.</summary>
internal sealed class GrantReadinessCheck(GrantState state) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var table = state.Current;
        var result = state.IsConnected
            ? HealthCheckResult.Healthy($"Enforcing grant revision {table.Revision} ({table.Count} grants), watching the catalog.")
            : HealthCheckResult.Degraded(state.IsLoaded
                ? $"Enforcing last known grant revision {table.Revision} ({table.Count} grants); the grant stream is unavailable."
                : "No grants known yet: conditional resources are denied until the catalog's grant stream answers.");
        return Task.FromResult(result);
    }
}

using System.Globalization;
using Exchange.Adapters.Shared.Licences;
using Exchange.Licences;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Exchange.Adapters.Shared.Health;

/// <summary>
/// Warns before the licence signing key outlives <c>Licences:KeyRotation</c>. The ring rotates only at start-up, so a
/// long-running adapter keeps signing with a key past its period until restarted. Degraded, never unhealthy: the key
/// still signs valid licences, and taking the department's data offline for it would be out of all proportion.
/// </summary>
internal sealed class LicenceKeyExpiryHealthCheck(IssuerKeyRing ring, IOptions<LicenceOptions> licences, IOptions<AdapterHealthOptions> health, TimeProvider time)
    : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var key = ring.Current;
        var due = key.ValidFrom + licences.Value.KeyRotation;
        var left = due - time.GetUtcNow();
        var dueText = due.UtcDateTime.ToString("u", CultureInfo.InvariantCulture);
        var data = new Dictionary<string, object> { ["keyId"] = key.KeyId, ["rotationDue"] = dueText };
        var result = left <= TimeSpan.Zero
            ? HealthCheckResult.Degraded($"Licence signing key {key.KeyId} was due for rotation at {dueText} (Licences:KeyRotation {licences.Value.KeyRotation}); restart the adapter to rotate it.", data: data)
            : left <= health.Value.KeyExpiryWarning
                ? HealthCheckResult.Degraded($"Licence signing key {key.KeyId} is due for rotation at {dueText}, within Health:KeyExpiryWarning {health.Value.KeyExpiryWarning}; restart the adapter before then to rotate it.", data: data)
                : HealthCheckResult.Healthy($"Licence signing key {key.KeyId} is due for rotation at {dueText}.", data: data);
        return Task.FromResult(result);
    }
}

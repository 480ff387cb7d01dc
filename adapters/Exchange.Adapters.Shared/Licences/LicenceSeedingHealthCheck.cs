using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Exchange.Adapters.Shared.Licences;

/// <summary>
/// Whether the issuer answers licence calls yet: unhealthy while the seeded licences are still being issued (or if
/// that failed). Reported as its own gRPC health service, <see cref="GrpcServiceName"/>, and kept out of the overall
/// status, because the department's data is served while the licences are issued.
/// </summary>
internal sealed class LicenceSeedingHealthCheck(LicenceSeeding seeding) : IHealthCheck
{
    public const string GrpcServiceName = "exchange.licence.v1.LicenceIssuerService";
    public const string Tag = "licences";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(seeding.Ready.Status switch
        {
            TaskStatus.RanToCompletion => HealthCheckResult.Healthy("Licences issued; licence calls are answered."),
            TaskStatus.Faulted or TaskStatus.Canceled => HealthCheckResult.Unhealthy("Issuing the seeded licences failed; see the log and restart the adapter."),
            _ => HealthCheckResult.Unhealthy("Still issuing the seeded licences; licence calls wait until it is done."),
        });
}

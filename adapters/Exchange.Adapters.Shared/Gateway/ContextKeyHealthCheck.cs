using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Exchange.Adapters.Shared.Gateway;

/// <summary>
/// Whether this provider holds its exchange-context key yet: unhealthy until the first fetch from the catalog, while
/// every department call is refused UNAVAILABLE. Reported as its own gRPC health service, <see cref="GrpcServiceName"/>,
/// and kept out of the overall status, since the catalog usually starts after the adapters.
/// </summary>
internal sealed class ContextKeyHealthCheck(ProviderContextKeys keys) : IHealthCheck
{
    public const string GrpcServiceName = "exchange.context.v1.ContextKeyService";
    public const string Tag = "context-key";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(keys.HasKeys
            ? HealthCheckResult.Healthy("Holding the exchange-context key from the catalog.")
            : HealthCheckResult.Unhealthy("No exchange-context key from the catalog yet; department calls are refused UNAVAILABLE."));
}

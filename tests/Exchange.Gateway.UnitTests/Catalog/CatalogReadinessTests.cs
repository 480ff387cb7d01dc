using System.Net;
using Exchange.Gateway.UnitTests.InProcess;
using Exchange.Testing;
using Grpc.Health.V1;

namespace Exchange.Gateway.UnitTests.Catalog;

/// <summary>
/// Readiness while the catalog is unreachable (the in-process host's catalog address refuses connections): routing on
/// the saved snapshot is degraded but ready, and once that snapshot is older than Catalog:MaxSnapshotAge the gateway
/// is not ready (HTTP 503, gRPC NOT_SERVING) but still live. The snapshot's age is the time it was last written, set
/// on the file here, so no test waits for it to age.
/// </summary>
public sealed class CatalogReadinessTests
{
    /// <summary>A gateway whose saved catalog was last confirmed two hours ago, allowed one hour.</summary>
    private sealed class StaleSnapshotHost : GatewayHost
    {
        public StaleSnapshotHost() =>
            File.SetLastWriteTimeUtc(Path.Combine(DataDirectory, "catalog-snapshot.pb"), DateTime.UtcNow.AddHours(-2));

        protected override IReadOnlyDictionary<string, string> ExtraSettings => new Dictionary<string, string> { ["Catalog:MaxSnapshotAge"] = "01:00:00" };
    }

    [Fact]
    public async Task A_saved_catalog_within_the_max_snapshot_age_is_degraded_but_ready()
    {
        await using var host = new GatewayHost();

        var ready = await ProbeAsync(host, "/health/ready");

        Assert.Equal("Degraded", ready["catalog"].Status);
        Assert.Contains("saved snapshot", ready["catalog"].Description);
        Assert.Equal(HttpStatusCode.OK, ready.Code);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, await GrpcStatusAsync(host));
    }

    [Fact]
    public async Task A_saved_catalog_older_than_the_max_snapshot_age_makes_the_gateway_not_ready_but_still_live()
    {
        await using var host = new StaleSnapshotHost();

        var notReady = await ProbeAsync(host, "/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.Code);
        Assert.Equal("Unhealthy", notReady["catalog"].Status);
        Assert.Contains("Catalog:MaxSnapshotAge", notReady["catalog"].Description);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.NotServing, await GrpcStatusAsync(host));
        Assert.Equal(HttpStatusCode.OK, (await ProbeAsync(host, "/health/live")).Code);
    }

    private static async Task<HealthProbe.Result> ProbeAsync(GatewayHost host, string path)
    {
        using var response = await host.CreateClient().GetAsync(path, TestContext.Current.CancellationToken);
        return await HealthProbe.ReadAsync(response);
    }

    private static async Task<HealthCheckResponse.Types.ServingStatus> GrpcStatusAsync(GatewayHost host) =>
        (await new Health.HealthClient(host.Channel()).CheckAsync(new HealthCheckRequest(), cancellationToken: TestContext.Current.CancellationToken)).Status;
}

using System.Net;
using Exchange.Testing;
using Grpc.Health.V1;

namespace Exchange.Gateway.Tests;

/// <summary>
/// Readiness checks the real dependencies and liveness none of them: Redis down makes the gateway degraded (it
/// serves on without the shared cache), an adapter's store that cannot be opened makes the adapter not ready, and a
/// licence signing key near its rotation makes it degraded (the fault cluster's adapters warn 400 days ahead, and
/// their keys are fresh: due in 365). On the fault cluster, since it stops Redis. A catalog down longer than
/// Catalog:MaxSnapshotAge (not ready, still live) is shown in process (Gateway.UnitTests' CatalogReadinessTests, on a
/// saved snapshot last written hours ago), and the degraded state of a live outage in the resilience tests' catalog
/// outage (OutageTests).
/// </summary>
[Collection(FaultClusterCollection.Name)]
public sealed class HealthTests(FaultClusterCollection.Fixture fixture)
{

    private ExchangeCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task Redis_down_makes_the_gateway_degraded_with_a_reason_but_still_ready_and_live()
    {
        var gateway = Cluster.Gateway;
        Assert.Equal("Healthy", (await ProbeAsync(gateway, "/health/ready"))["redis"].Status);
        var redis = Cluster.Redis!;
        try
        {
            redis.Kill();

            var degraded = await HealthProbe.UntilAsync(gateway, p => p["redis"].Status == "Degraded");

            Assert.Equal(HttpStatusCode.OK, degraded.Code);
            Assert.Contains("does not answer", degraded["redis"].Description);
            Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, await GrpcStatusAsync(gateway));
            Assert.Equal(HttpStatusCode.OK, (await ProbeAsync(gateway, "/health/live")).Code);
        }
        finally
        {
            await redis.RestartAsync(TestContext.Current.CancellationToken);
        }
        await HealthProbe.UntilAsync(gateway, p => p["redis"].Status == "Healthy");
    }

    [Fact]
    public async Task An_adapter_is_not_ready_while_its_store_cannot_be_opened_and_warns_before_its_signing_key_is_due()
    {
        var adapter = Cluster.PublicSecurity;
        var ready = await ProbeAsync(adapter, "/health/ready");
        Assert.Equal("Healthy", ready["store"].Status);
        Assert.Equal("Healthy", ready["licence-store"].Status);
        Assert.Equal("Degraded", ready["licence-signing-key"].Status);
        Assert.Contains("due for rotation", ready["licence-signing-key"].Description);

        var store = Path.Combine(adapter.WorkingDirectory, ".data", "publicsecurity.db");
        var away = store + ".away";
        File.Move(store, away);
        HealthProbe.Result broken;
        try
        {
            broken = await ProbeAsync(adapter, "/health/ready");
        }
        finally
        {
            File.Move(away, store);
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, broken.Code);
        Assert.Equal("Unhealthy", broken["store"].Status);
        Assert.Contains("PopulationStore", broken["store"].Description);
        Assert.Equal(HttpStatusCode.OK, (await ProbeAsync(adapter, "/health/live")).Code);
        Assert.Equal("Healthy", (await ProbeAsync(adapter, "/health/ready"))["store"].Status);
    }

    private static Task<HealthProbe.Result> ProbeAsync(ServiceProcess service, string path) => HealthProbe.AskAsync(service, path);

    private static async Task<HealthCheckResponse.Types.ServingStatus> GrpcStatusAsync(ServiceProcess service) =>
        (await new Health.HealthClient(service.Channel).CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(5))).Status;
}

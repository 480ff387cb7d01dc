using System.Net;
using System.Text.Json;
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

    private static readonly HttpClient Http = new(TestPki.CreateHandler()) { Timeout = TimeSpan.FromSeconds(10) };

    private ExchangeCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task Redis_down_makes_the_gateway_degraded_with_a_reason_but_still_ready_and_live()
    {
        var gateway = Cluster.Gateway;
        Assert.Equal("Healthy", (await ProbeAsync(gateway, "/health/ready")).Check("redis").Status);
        var redis = Cluster.Redis!;
        try
        {
            redis.Kill();

            var degraded = await UntilAsync(gateway, "/health/ready", p => p.Check("redis").Status == "Degraded");

            Assert.Equal(HttpStatusCode.OK, degraded.Code);
            Assert.Contains("does not answer", degraded.Check("redis").Description);
            Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, await GrpcStatusAsync(gateway));
            Assert.Equal(HttpStatusCode.OK, (await ProbeAsync(gateway, "/health/live")).Code);
        }
        finally
        {
            await redis.RestartAsync(TestContext.Current.CancellationToken);
        }
        await UntilAsync(gateway, "/health/ready", p => p.Check("redis").Status == "Healthy");
    }

    [Fact]
    public async Task An_adapter_is_not_ready_while_its_store_cannot_be_opened_and_warns_before_its_signing_key_is_due()
    {
        var adapter = Cluster.PublicSecurity;
        var ready = await ProbeAsync(adapter, "/health/ready");
        Assert.Equal("Healthy", ready.Check("store").Status);
        Assert.Equal("Healthy", ready.Check("licence-store").Status);
        Assert.Equal("Degraded", ready.Check("licence-signing-key").Status);
        Assert.Contains("due for rotation", ready.Check("licence-signing-key").Description);

        var store = Path.Combine(adapter.WorkingDirectory, ".data", "publicsecurity.db");
        var away = store + ".away";
        File.Move(store, away);
        Probe broken;
        try
        {
            broken = await ProbeAsync(adapter, "/health/ready");
        }
        finally
        {
            File.Move(away, store);
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, broken.Code);
        Assert.Equal("Unhealthy", broken.Check("store").Status);
        Assert.Contains("PopulationStore", broken.Check("store").Description);
        Assert.Equal(HttpStatusCode.OK, (await ProbeAsync(adapter, "/health/live")).Code);
        Assert.Equal("Healthy", (await ProbeAsync(adapter, "/health/ready")).Check("store").Status);
    }

    /// <summary>Probes until <paramref name="condition"/> holds, within 20 s; the last answer is in the failure message.</summary>
    private static async Task<Probe> UntilAsync(ServiceProcess service, string path, Func<Probe, bool> condition)
    {
        Probe? last = null;
        await Eventually.WithinAsync(TimeSpan.FromSeconds(20), async () => condition(last = await ProbeAsync(service, path)),
            $"{service.Service} {path} reaches the expected state");
        return last!;
    }

    /// <summary>An HTTP probe on the gRPC port over h2c, as the front balancer makes it.</summary>
    private static async Task<Probe> ProbeAsync(ServiceProcess service, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(service.Address, path))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        using var response = await Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(body);
        var checks = json.RootElement.GetProperty("checks").EnumerateObject().ToDictionary(
            c => c.Name,
            c => new CheckResult(c.Value.GetProperty("status").GetString()!, c.Value.TryGetProperty("description", out var d) ? d.GetString() ?? "" : ""));
        return new Probe(response.StatusCode, json.RootElement.GetProperty("status").GetString()!, checks, body);
    }

    private static async Task<HealthCheckResponse.Types.ServingStatus> GrpcStatusAsync(ServiceProcess service) =>
        (await new Health.HealthClient(service.Channel).CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(5))).Status;

    private sealed record CheckResult(string Status, string Description);

    private sealed record Probe(HttpStatusCode Code, string Status, IReadOnlyDictionary<string, CheckResult> Checks, string Body)
    {
        public CheckResult Check(string name) =>
            Checks.TryGetValue(name, out var check) ? check : throw new InvalidOperationException($"No check {name} in {Body}");
    }
}

using System.Net;
using Exchange.Protos.Licence.V1;
using Exchange.Protos.MarketRegulation.V1;
using Exchange.Protos.PublicSecurity.V1;
using Exchange.Testing;
using Grpc.Core;

namespace Exchange.Resilience.Tests;

/// <summary>A provider, Redis or the catalog dies under load: the failure stays where it is, is reported in time, and heals by itself.</summary>
[Collection(FaultCollection.Name)]
public sealed class OutageTests(FaultClusterFixture fixture)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(5);

    private ExchangeCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task A_killed_adapter_gives_unavailable_within_the_deadline_other_departments_keep_working_and_it_recovers()
    {
        var residents = new PopulationService.PopulationServiceClient(Cluster.GatewayCallsAs(ExchangeClients.CivilAffairs));
        var enterprises = new EnterpriseService.EnterpriseServiceClient(Cluster.GatewayCallsAs(ExchangeClients.CivilAffairs));
        var adapter = Cluster.PublicSecurity;

        await using var load = CallLoad.Start(FaultScale.Callers, (n, ct) => n % 2 == 0
            ? CallLoad.MeasureAsync("PUBLIC-SECURITY", () => residents.GetResidentAsync(
                new GetResidentRequest { CitizenId = Subjects.Residents[n % Subjects.Residents.Count] }, deadline: DateTime.UtcNow + Deadline, cancellationToken: ct))
            : CallLoad.MeasureAsync("MARKET-REGULATION", () => enterprises.GetEnterpriseAsync(
                new GetEnterpriseRequest { CreditCode = Subjects.Enterprises[n % Subjects.Enterprises.Count] }, deadline: DateTime.UtcNow + Deadline, cancellationToken: ct)));
        await load.UntilAsync(FaultScale.CallsPerPhase, o => o.Target == "PUBLIC-SECURITY" && o.Status == StatusCode.OK, "to public security answered OK");
        adapter.Kill();
        // Once it is gone (Kill walks the process tree before it signals): calls started from here on meet a dead adapter.
        var killedAt = DateTime.UtcNow;
        await load.UntilAsync(FaultScale.CallsPerPhase, o => o.Target == "PUBLIC-SECURITY" && o.StartedUtc > killedAt.AddMilliseconds(200), "to the killed adapter");
        await load.UntilAsync(FaultScale.CallsPerPhase, o => o.Target == "MARKET-REGULATION" && o.StartedUtc > killedAt, "to market regulation during the outage");
        var restartBegan = DateTime.UtcNow;
        await adapter.StartAsync(TestContext.Current.CancellationToken);
        var restartedAt = DateTime.UtcNow;
        await Eventually.WithinAsync(TimeSpan.FromSeconds(30),
            () => Task.FromResult(load.Outcomes.Any(o => o.Target == "PUBLIC-SECURITY" && o.StartedUtc > restartedAt && o.Status == StatusCode.OK)),
            "calls to the restarted adapter succeed again");
        await load.UntilAsync(FaultScale.CallsPerPhase, o => o.Target == "PUBLIC-SECURITY" && o.StartedUtc > restartedAt.AddSeconds(2), "to the recovered adapter");
        var outcomes = await load.StopAsync();

        var other = outcomes.Where(o => o.Target == "MARKET-REGULATION").ToList();
        var duringOutage = outcomes.Where(o => o.Target == "PUBLIC-SECURITY" && o.StartedUtc > killedAt.AddMilliseconds(200) && o.StartedUtc < restartBegan).ToList();
        var afterRecovery = outcomes.Where(o => o.Target == "PUBLIC-SECURITY" && o.StartedUtc > restartedAt.AddSeconds(2)).ToList();
        Report(outcomes, $"outage {(restartedAt - killedAt).TotalSeconds:F1} s");
        Assert.All(other, o => Assert.True(o.Status is StatusCode.OK or StatusCode.Cancelled, $"{o.Target}: {o.Status}"));
        Assert.NotEmpty(duringOutage);
        Assert.All(duringOutage, o => Assert.Equal(StatusCode.Unavailable, o.Status));
        Assert.All(duringOutage, o => Assert.True(o.Latency <= Deadline, $"UNAVAILABLE after {o.Latency.TotalMilliseconds:F0} ms"));
        Assert.NotEmpty(afterRecovery);
        Assert.All(afterRecovery, o => Assert.True(o.Status is StatusCode.OK or StatusCode.Cancelled, $"after recovery: {o.Status}"));
    }

    [Fact]
    public async Task Licence_lookups_keep_answering_while_Redis_is_killed_and_restarted()
    {
        var licences = new LicenceService.LicenceServiceClient(Cluster.GatewayCallsAs(ExchangeClients.CivilAffairs));
        var holders = Subjects.Residents.Take(50).ToList();
        var redis = Cluster.Redis!;
        // An earlier test may just have restarted an issuer: its first lookups pay its warm-up, which is not what this
        // test measures (a generous bound for that one call; the load's calls keep their deadline).
        await licences.ListByHolderAsync(new ListByHolderRequest { HolderId = holders[0] }, deadline: DateTime.UtcNow.AddMinutes(2));

        await using var load = CallLoad.Start(FaultScale.Callers, (n, ct) => CallLoad.MeasureAsync("ListByHolder", () =>
            licences.ListByHolderAsync(new ListByHolderRequest { HolderId = holders[n % holders.Count] }, deadline: DateTime.UtcNow + Deadline, cancellationToken: ct)));
        await load.UntilAsync(FaultScale.CallsPerPhase, _ => true, "before Redis is killed");
        redis.Kill();
        var killedAt = DateTime.UtcNow;
        await load.UntilAsync(FaultScale.CallsPerPhase, o => o.StartedUtc > killedAt, "while Redis is down");
        await redis.RestartAsync(TestContext.Current.CancellationToken);
        var restartedAt = DateTime.UtcNow;
        await load.UntilAsync(FaultScale.CallsPerPhase, o => o.StartedUtc > restartedAt, "after Redis restarted");
        var outcomes = await load.StopAsync();

        Report(outcomes, "Redis killed and restarted");
        Assert.All(outcomes, o => Assert.True(o.Status is StatusCode.OK or StatusCode.Cancelled, $"{o.Target}: {o.Status}"));
    }

    /// <summary>
    /// The catalog killed under load: no call fails, the gateway reports itself degraded but ready (routing on the catalog
    /// it received before the outage), and a gateway restarted meanwhile routes on its saved snapshot, for every department.
    /// </summary>
    [Fact]
    public async Task Routes_keep_working_while_the_catalog_is_killed_and_after_the_gateway_restarts_during_the_outage()
    {
        var residents = new PopulationService.PopulationServiceClient(Cluster.GatewayCallsAs(ExchangeClients.CivilAffairs));
        var enterprises = new EnterpriseService.EnterpriseServiceClient(Cluster.GatewayCallsAs(ExchangeClients.CivilAffairs));
        var resident = new GetResidentRequest { CitizenId = Subjects.Residents[0] };
        // Tokens come from the catalog: get one before it goes, as a department system holds one for minutes.
        await residents.GetResidentAsync(resident);
        await enterprises.GetEnterpriseAsync(new GetEnterpriseRequest { CreditCode = Subjects.Enterprises[0] });

        var load = CallLoad.Start(FaultScale.Callers, (n, ct) => CallLoad.MeasureAsync("GetResident", () =>
            residents.GetResidentAsync(new GetResidentRequest { CitizenId = Subjects.Residents[n % Subjects.Residents.Count] }, deadline: DateTime.UtcNow + Deadline, cancellationToken: ct)));
        try
        {
            await load.UntilAsync(FaultScale.CallsPerPhase, _ => true, "before the catalog is killed");
            Cluster.Catalog.Kill();
            var killedAt = DateTime.UtcNow;
            await load.UntilAsync(FaultScale.CallsPerPhase * 2, o => o.StartedUtc > killedAt, "while the catalog is down");
            var outcomes = await load.StopAsync();
            Report(outcomes, "catalog killed");
            Assert.All(outcomes, o => Assert.True(o.Status is StatusCode.OK or StatusCode.Cancelled, $"{o.Target}: {o.Status}"));

            var degraded = await CatalogCheckAsync(c => c.Status != "Healthy");
            Assert.Equal(("Degraded", HttpStatusCode.OK), (degraded.Check.Status, degraded.Code));
            Assert.Contains("received before the outage", degraded.Check.Description);

            Cluster.Gateway.Kill();
            await Cluster.Gateway.StartAsync(TestContext.Current.CancellationToken);
            await GatewayAnswersAsync(residents, resident);
            await enterprises.GetEnterpriseAsync(new GetEnterpriseRequest { CreditCode = Subjects.Enterprises[1] }, deadline: DateTime.UtcNow.AddSeconds(30));
            Assert.Contains("saved snapshot", (await CatalogCheckAsync(c => c.Status == "Degraded")).Check.Description);
        }
        finally
        {
            await load.DisposeAsync();
            // What this test stopped runs again whatever the outcome.
            if (!Cluster.Gateway.IsRunning)
                await Cluster.Gateway.StartAsync(TestContext.Current.CancellationToken);
            await Cluster.Catalog.StartAsync(TestContext.Current.CancellationToken);
        }
        await CatalogCheckAsync(c => c.Status == "Healthy");
        await residents.GetResidentAsync(resident, deadline: DateTime.UtcNow.AddSeconds(30));
    }

    /// <summary>The restarted gateway answers through the test's channel, which saw it refuse connections and backs off.</summary>
    private static async Task GatewayAnswersAsync(PopulationService.PopulationServiceClient residents, GetResidentRequest resident) =>
        await Eventually.WithinAsync(TimeSpan.FromSeconds(30), async () =>
            await GrpcStatus.OfAsync(() => residents.GetResidentAsync(resident, deadline: DateTime.UtcNow.AddSeconds(5)).ResponseAsync) == StatusCode.OK,
            "the restarted gateway routes on its saved catalog");

    /// <summary>The first gateway's <c>catalog</c> readiness check, once it meets <paramref name="condition"/>.</summary>
    private async Task<(HttpStatusCode Code, HealthProbe.Check Check)> CatalogCheckAsync(Func<HealthProbe.Check, bool> condition)
    {
        var probe = await HealthProbe.UntilAsync(Cluster.Gateway, p => condition(p["catalog"]));
        return (probe.Code, probe["catalog"]);
    }

    private static void Report(IReadOnlyList<CallOutcome> outcomes, string what) =>
        TestContext.Current.TestOutputHelper?.WriteLine($"{what}: " + string.Join("; ", outcomes.GroupBy(o => o.Target).Select(g =>
            $"{g.Key}: {g.Count()} calls, " + string.Join(", ", g.GroupBy(o => o.Status).Select(s => $"{s.Key} {s.Count()}")) +
            $", slowest {g.Max(o => o.Latency).TotalMilliseconds:F0} ms")));
}

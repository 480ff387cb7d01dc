using Exchange.Protos.Audit.V1;
using Exchange.Protos.Licence.V1;
using Exchange.Protos.PublicSecurity.V1;
using Exchange.Testing;
using Grpc.Core;
using Grpc.Net.Client.Configuration;

namespace Exchange.Resilience.Tests;

/// <summary>
/// Two gateway instances behind the front balancer (gateway/Exchange.Gateway.Balancer), sharing the catalog, the
/// signing key and Redis, each with its own audit store: calls are spread over both, a revocation holds through both,
/// one instance's death fails only the calls it held, and a third instance joins and leaves without a restart.
/// A cluster of its own, since it kills an instance.
/// </summary>
public sealed class TwoGatewayTests(TwoGatewayTests.Fixture fixture) : IClassFixture<TwoGatewayTests.Fixture>
{
    public sealed class Fixture : ClusterFixture
    {
        protected override ExchangeClusterOptions Options => new()
        {
            GatewayInstances = 2,
            GatewaySettings = new Dictionary<string, string> { ["RateLimits:Enabled"] = "false" },
            BalancerSettings = new Dictionary<string, string>
            {
                ["ReverseProxy:Clusters:gateways:HealthCheck:Active:Interval"] = "00:00:01",
                ["ReverseProxy:Clusters:gateways:HealthCheck:Passive:ReactivationPeriod"] = "00:00:02",
            },
        };
    }

    /// <summary>What a department system calling the front would configure: retry UNAVAILABLE (an instance that is gone) a few times.</summary>
    private static readonly ServiceConfig RetryOnUnavailable = new()
    {
        MethodConfigs =
        {
            new MethodConfig
            {
                Names = { MethodName.Default },
                RetryPolicy = new RetryPolicy
                {
                    MaxAttempts = 5,
                    InitialBackoff = TimeSpan.FromMilliseconds(200),
                    MaxBackoff = TimeSpan.FromSeconds(2),
                    BackoffMultiplier = 2,
                    RetryableStatusCodes = { StatusCode.Unavailable },
                },
            },
        },
    };

    private ExchangeCluster Cluster => fixture.Cluster;

    private ServiceProcess Front => Cluster.Front!;

    [Fact]
    public async Task Calls_through_the_front_address_are_spread_over_both_instances()
    {
        var caseNumber = NewCase("SPREAD");
        var residents = new PopulationService.PopulationServiceClient(Cluster.GatewayCallsAs(Front, ExchangeClients.CivilAffairs, caseNumber));

        for (var i = 0; i < 20; i++)
            await residents.GetResidentAsync(new GetResidentRequest { CitizenId = Subjects.Residents[i] }, deadline: DateTime.UtcNow.AddSeconds(10));

        var recorded = (await Task.WhenAll(Cluster.Gateways.Select(g => AuditedRequestIdsAsync(g, caseNumber)))).Select(ids => ids.Count).ToList();
        TestContext.Current.TestOutputHelper?.WriteLine($"audit records of the case per instance: {string.Join(", ", recorded)}");
        Assert.Equal(20, recorded.Sum());
        // Round-robin per call: each instance takes every other one.
        Assert.All(recorded, count => Assert.InRange(count, 5, 15));
    }

    [Fact]
    public async Task A_licence_revoked_by_its_issuer_is_seen_as_revoked_through_both_instances()
    {
        var identityCard = await ValidIdentityCardAsync(Subjects.Residents[^2]);
        var direct = Cluster.Gateways.Select(g => new LicenceService.LicenceServiceClient(Cluster.GatewayCallsAs(g, ExchangeClients.CivilAffairs))).ToList();
        // Both instances have it cached as valid in the shared Redis first.
        foreach (var instance in direct)
            Assert.True((await instance.VerifyAsync(new VerifyRequest { LicenceNumber = identityCard.LicenceNumber })).Verification.Valid);

        // The issuing department revokes through the front, so one of the two instances carries it to the issuer.
        await new LicenceService.LicenceServiceClient(Cluster.GatewayCallsAs(Front, ExchangeClients.PublicSecurity))
            .RevokeAsync(new RevokeRequest { LicenceNumber = identityCard.LicenceNumber, Reason = "双网关测试：证件挂失" });

        foreach (var instance in direct)
        {
            var verification = (await instance.VerifyAsync(new VerifyRequest { LicenceNumber = identityCard.LicenceNumber })).Verification;
            Assert.False(verification.Valid);
            Assert.Equal(VerificationOutcome.Revoked, verification.Outcome);
        }
        var viaFront = new LicenceService.LicenceServiceClient(Cluster.GatewayCallsAs(Front, ExchangeClients.CivilAffairs));
        for (var i = 0; i < 4; i++)
            Assert.Equal(VerificationOutcome.Revoked, (await viaFront.VerifyAsync(new VerifyRequest { LicenceNumber = identityCard.LicenceNumber })).Verification.Outcome);
    }

    [Fact]
    public async Task Killing_one_instance_under_load_fails_only_the_calls_in_flight_at_the_kill_and_every_OK_call_is_audited()
    {
        var (survivor, victim) = (Cluster.Gateways[0], Cluster.Gateways[1]);
        var caseNumber = NewCase("KILL");
        // No client-side retry: what the caller sees is what the front did.
        var residents = new PopulationService.PopulationServiceClient(Cluster.GatewayCallsAs(Front, ExchangeClients.CivilAffairs, caseNumber));
        // The first call fetches the token; the load measures the kill, not that.
        await residents.GetResidentAsync(new GetResidentRequest { CitizenId = Subjects.Residents[0] }, deadline: DateTime.UtcNow.AddSeconds(15));

        DateTime killStarted, killedAt;
        IReadOnlyList<CallOutcome> outcomes;
        await using (var load = CallLoad.Start(FaultScale.Callers, (n, ct) => CallLoad.MeasureAsync("GetResident", () =>
            residents.GetResidentAsync(new GetResidentRequest { CitizenId = Subjects.Residents[n % Subjects.Residents.Count] },
                deadline: DateTime.UtcNow.AddSeconds(15), cancellationToken: ct))))
        {
            await load.WhenCompletedAsync(c => c >= 200, TimeSpan.FromSeconds(60));
            killStarted = DateTime.UtcNow;
            victim.Kill();
            // Taken once the process is gone: a call the victim took meanwhile is in flight at its death, not after it.
            killedAt = DateTime.UtcNow;
            var completedAtKill = load.Outcomes.Count;
            await load.WhenCompletedAsync(c => c >= completedAtKill + 400, TimeSpan.FromSeconds(60));
            outcomes = await load.StopAsync();
        }
        try
        {
            var inFlightAtKill = outcomes.Count(o => o.StartedUtc < killedAt && o.StartedUtc + o.Latency > killStarted);
            // CANCELLED is the load's own stop cancelling its last calls, not a failure.
            var failed = outcomes.Where(o => o.Status is not (StatusCode.OK or StatusCode.Cancelled)).ToList();
            var failedAfter = failed.Count(o => o.StartedUtc >= killedAt);
            var afterKill = outcomes.Count(o => o.StartedUtc >= killedAt);
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"calls {outcomes.Count}, in flight at the kill {inFlightAtKill}, failed {failed.Count} ({string.Join(", ", failed.GroupBy(o => o.Status).Select(g => $"{g.Key} {g.Count()}"))}), " +
                $"started after the kill {afterKill} of which failed {failedAfter}, longest call {outcomes.Max(o => o.Latency).TotalMilliseconds:0} ms");
            Assert.True(afterKill > 100, $"only {afterKill} calls ran after the kill");
            Assert.Equal(0, failedAfter);
            Assert.InRange(failed.Count, 0, inFlightAtKill);

            // Every call answered OK has its audit record at the instance that answered it.
            var acknowledged = outcomes.Where(o => o.Status == StatusCode.OK).Select(o => o.RequestId).ToList();
            var recorded = await AuditedRequestIdsAsync(survivor, caseNumber);
            if (!victim.IsRunning)
                await victim.StartAsync(TestContext.Current.CancellationToken);
            recorded.UnionWith(await AuditedRequestIdsAsync(victim, caseNumber));
            var unrecorded = acknowledged.Where(id => !recorded.Contains(id)).ToList();
            Assert.True(unrecorded.Count == 0, $"{unrecorded.Count} of {acknowledged.Count} calls answered OK have no audit record");
        }
        finally
        {
            // Restarted, it is taken back in, so the other tests of the class find two instances again.
            if (!victim.IsRunning)
                await victim.StartAsync(TestContext.Current.CancellationToken);
        }
        await Eventually.WithinAsync(TimeSpan.FromSeconds(30), async () =>
        {
            var backCase = NewCase("BACK");
            var back = new PopulationService.PopulationServiceClient(Cluster.GatewayCallsAs(Front, ExchangeClients.CivilAffairs, RetryOnUnavailable, backCase));
            for (var i = 0; i < 4; i++)
                await back.GetResidentAsync(new GetResidentRequest { CitizenId = Subjects.Residents[i] }, deadline: DateTime.UtcNow.AddSeconds(10));
            return (await AuditedRequestIdsAsync(victim, backCase)).Count == 2;
        }, "the front shares calls with the restarted instance again");
    }

    [Fact]
    public async Task A_third_instance_joins_and_leaves_the_front_without_a_restart()
    {
        var third = await Cluster.StartGatewayAsync(TestContext.Current.CancellationToken);
        try
        {
            Cluster.SetBalancerDestinations([.. Cluster.Gateways, third]);
            await Eventually.WithinAsync(TimeSpan.FromSeconds(30), async () =>
            {
                var joinCase = NewCase("JOIN");
                var calls = new PopulationService.PopulationServiceClient(Cluster.GatewayCallsAs(Front, ExchangeClients.CivilAffairs, joinCase));
                for (var i = 0; i < 6; i++)
                    await calls.GetResidentAsync(new GetResidentRequest { CitizenId = Subjects.Residents[i] }, deadline: DateTime.UtcNow.AddSeconds(10));
                return (await AuditedRequestIdsAsync(third, joinCase)).Count > 0;
            }, "the front sends calls to the instance added to its destinations file");

            Cluster.SetBalancerDestinations(Cluster.Gateways);
            // Once the front has dropped it, no call reaches it, and the other two still answer every call.
            await Eventually.WithinAsync(TimeSpan.FromSeconds(30), async () =>
            {
                var leaveCase = NewCase("LEAVE");
                var calls = new PopulationService.PopulationServiceClient(Cluster.GatewayCallsAs(Front, ExchangeClients.CivilAffairs, leaveCase));
                for (var i = 0; i < 9; i++)
                    await calls.GetResidentAsync(new GetResidentRequest { CitizenId = Subjects.Residents[i] }, deadline: DateTime.UtcNow.AddSeconds(10));
                return (await AuditedRequestIdsAsync(third, leaveCase)).Count == 0;
            }, "the front stops sending calls to the instance removed from its destinations file");
            Assert.True(Front.IsRunning, "the front was not restarted for the change");
        }
        finally
        {
            Cluster.SetBalancerDestinations(Cluster.Gateways);
            await third.DisposeAsync();
        }
    }

    private static string NewCase(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..20];

    private async Task<Licence> ValidIdentityCardAsync(string citizenId)
    {
        var listed = await new LicenceService.LicenceServiceClient(Cluster.GatewayCallsAs(Front, ExchangeClients.CivilAffairs))
            .ListByHolderAsync(new ListByHolderRequest { HolderId = citizenId });
        return listed.Licences.FirstOrDefault(l => l.TypeCode == "RIDC" && l.Status == LicenceStatus.Valid)
               ?? throw new InvalidOperationException($"{citizenId} should hold a valid identity card licence");
    }

    /// <summary>The request ids of the calls of the case this instance recorded OK in its own audit store, asked of it directly.</summary>
    private async Task<HashSet<string>> AuditedRequestIdsAsync(ServiceProcess gateway, string caseNumber)
    {
        var audit = new AuditService.AuditServiceClient(Cluster.GatewayCallsAs(gateway, ExchangeClients.CivilAffairs));
        var ids = new HashSet<string>(StringComparer.Ordinal);
        long before = 0;
        for (var page = 0; page < 1000; page++)
        {
            var records = (await audit.QueryAuditRecordsAsync(new QueryAuditRecordsRequest { ConsumerDepartmentCode = "CIVIL-AFFAIRS", PageSize = 1000, BeforeSequence = before })).Records;
            if (records.Count == 0)
                break;
            foreach (var record in records.Where(r => r.CaseNumber == caseNumber && r.Status == "OK"))
                ids.Add(record.RequestId);
            before = records[^1].Sequence;
        }
        return ids;
    }
}

using Exchange.Protos.Audit.V1;
using Exchange.Protos.Licence.V1;
using Exchange.Protos.PublicSecurity.V1;
using Exchange.Testing;
using Grpc.Core;
using Grpc.Net.Client.Configuration;

namespace Exchange.Resilience.Tests;

/// <summary>
/// The fault cluster's two gateway instances behind the front balancer: calls are spread over both, a revocation holds
/// through both, one instance's death (SIGKILL under load) fails only the calls it held and loses nothing it
/// acknowledged, and an instance leaves and joins the front by its destinations
/// file, without a restart. Each test begins once the front shares calls with both instances again (another class of the collection
/// may just have restarted the first).
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class TwoGatewayTests(FaultClusterFixture fixture) : IAsyncLifetime
{
    private const string LimitedDepartment = FaultClusterFixture.LimitedDepartment;
    private const int LimitedRate = FaultClusterFixture.LimitedRate;
    private const int LimitedBurst = FaultClusterFixture.LimitedBurst;

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

    public async ValueTask InitializeAsync() => await BothInstancesServeThroughTheFrontAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>Round-robin again: of four calls through the front, each instance recorded two (a restarted one is back in).</summary>
    private async Task BothInstancesServeThroughTheFrontAsync() =>
        await Eventually.WithinAsync(TimeSpan.FromSeconds(30), async () =>
        {
            var backCase = NewCase("BACK");
            var back = new PopulationService.PopulationServiceClient(Cluster.GatewayCallsAs(Front, ExchangeClients.CivilAffairs, RetryOnUnavailable, backCase));
            for (var i = 0; i < 4; i++)
                await back.GetResidentAsync(new GetResidentRequest { CitizenId = Subjects.Residents[i] }, deadline: DateTime.UtcNow.AddSeconds(10));
            var recorded = await Task.WhenAll(Cluster.Gateways.Select(g => AuditedRequestIdsAsync(g, backCase)));
            return recorded.All(ids => ids.Count == 2);
        }, "the front shares calls with both instances");

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
    public async Task Killing_one_instance_under_load_fails_only_the_calls_in_flight_at_the_kill_every_OK_call_is_audited_and_its_revocation_holds()
    {
        var (survivor, victim) = (Cluster.Gateways[0], Cluster.Gateways[1]);
        var caseNumber = NewCase("KILL");
        // No client-side retry: what the caller sees is what the front did.
        var residents = new PopulationService.PopulationServiceClient(Cluster.GatewayCallsAs(Front, ExchangeClients.CivilAffairs, caseNumber));
        // The first call fetches the token; the load measures the kill, not that.
        await residents.GetResidentAsync(new GetResidentRequest { CitizenId = Subjects.Residents[0] }, deadline: DateTime.UtcNow.AddSeconds(15));
        var identityCard = await ValidIdentityCardAsync(Subjects.Residents[^1]);

        DateTime killStarted, killedAt;
        IReadOnlyList<CallOutcome> outcomes;
        await using (var load = CallLoad.Start(FaultScale.Callers, (n, ct) => CallLoad.MeasureAsync("GetResident", () =>
            residents.GetResidentAsync(new GetResidentRequest { CitizenId = Subjects.Residents[n % Subjects.Residents.Count] },
                deadline: DateTime.UtcNow.AddSeconds(15), cancellationToken: ct))))
        {
            await load.WhenCompletedAsync(c => c >= 100, TimeSpan.FromSeconds(60));
            // The issuer revokes through the instance about to die, in the middle of the load.
            await new LicenceService.LicenceServiceClient(Cluster.GatewayCallsAs(victim, ExchangeClients.PublicSecurity))
                .RevokeAsync(new RevokeRequest { LicenceNumber = identityCard.LicenceNumber, Reason = "故障测试：证件挂失" });
            var completedAtRevocation = load.Outcomes.Count;
            await load.WhenCompletedAsync(c => c >= completedAtRevocation + 100, TimeSpan.FromSeconds(60));
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
            var failures = string.Join(Environment.NewLine, failed.Select(o => $"  {o.Status} started {(o.StartedUtc - killedAt).TotalMilliseconds:0} ms after the kill: {o.Detail}"));
            Assert.True(failedAfter == 0, $"{failedAfter} calls started after the kill failed:{Environment.NewLine}{failures}");
            Assert.True(failed.Count <= inFlightAtKill, $"{failed.Count} calls failed, more than the {inFlightAtKill} in flight at the kill:{Environment.NewLine}{failures}");

            // Every call answered OK has its audit record at the instance that answered it.
            var acknowledged = outcomes.Where(o => o.Status == StatusCode.OK).Select(o => o.RequestId).ToList();
            var recorded = await AuditedRequestIdsAsync(survivor, caseNumber);
            if (!victim.IsRunning)
                await victim.StartAsync(TestContext.Current.CancellationToken);
            recorded.UnionWith(await AuditedRequestIdsAsync(victim, caseNumber));
            var unrecorded = acknowledged.Where(id => !recorded.Contains(id)).ToList();
            Assert.True(unrecorded.Count == 0, $"{unrecorded.Count} of {acknowledged.Count} calls answered OK have no audit record");

            // Restarted after the SIGKILL, its audit chain verifies and the revocation it carried holds.
            var chain = await new AuditService.AuditServiceClient(Cluster.GatewayCallsAs(victim, ExchangeClients.CivilAffairs))
                .VerifyAuditChainAsync(new VerifyAuditChainRequest(), deadline: DateTime.UtcNow.AddSeconds(60));
            Assert.True(chain.Intact, chain.Problem);
            var afterRestart = await new LicenceService.LicenceServiceClient(Cluster.GatewayCallsAs(victim, ExchangeClients.CivilAffairs))
                .VerifyAsync(new VerifyRequest { LicenceNumber = identityCard.LicenceNumber });
            Assert.Equal(VerificationOutcome.Revoked, afterRestart.Verification.Outcome);
        }
        finally
        {
            // Restarted, it is taken back in, so the other tests of the class find two instances again.
            if (!victim.IsRunning)
                await victim.StartAsync(TestContext.Current.CancellationToken);
        }
        await BothInstancesServeThroughTheFrontAsync();
    }

    [Fact]
    public async Task An_instance_leaves_and_joins_the_front_without_a_restart()
    {
        var (stays, moves) = (Cluster.Gateways[0], Cluster.Gateways[1]);
        try
        {
            Cluster.SetBalancerDestinations([stays]);
            // Once the front has dropped it, no call reaches it, and the other instance answers every call.
            await Eventually.WithinAsync(TimeSpan.FromSeconds(30), async () =>
            {
                var leaveCase = NewCase("LEAVE");
                var calls = new PopulationService.PopulationServiceClient(Cluster.GatewayCallsAs(Front, ExchangeClients.CivilAffairs, leaveCase));
                for (var i = 0; i < 6; i++)
                    await calls.GetResidentAsync(new GetResidentRequest { CitizenId = Subjects.Residents[i] }, deadline: DateTime.UtcNow.AddSeconds(10));
                return (await AuditedRequestIdsAsync(moves, leaveCase)).Count == 0;
            }, "the front stops sending calls to the instance removed from its destinations file");

            // Listed again, it is taken in: a destination the front did not have, added by the file alone.
            Cluster.SetBalancerDestinations(Cluster.Gateways);
            await Eventually.WithinAsync(TimeSpan.FromSeconds(30), async () =>
            {
                var joinCase = NewCase("JOIN");
                var calls = new PopulationService.PopulationServiceClient(Cluster.GatewayCallsAs(Front, ExchangeClients.CivilAffairs, joinCase));
                for (var i = 0; i < 6; i++)
                    await calls.GetResidentAsync(new GetResidentRequest { CitizenId = Subjects.Residents[i] }, deadline: DateTime.UtcNow.AddSeconds(10));
                return (await AuditedRequestIdsAsync(moves, joinCase)).Count > 0;
            }, "the front sends calls to the instance added to its destinations file");
            Assert.True(Front.IsRunning, "the front was not restarted for the change");
        }
        finally
        {
            Cluster.SetBalancerDestinations(Cluster.Gateways);
        }
    }

    [Fact]
    public async Task Two_instances_together_admit_no_more_than_a_departments_configured_rate()
    {
        var verify = new PopulationService.PopulationServiceClient(Cluster.GatewayCallsAs(Front, ExchangeClients.MarketRegulation, NewCase("RATE")));
        var identity = new VerifyIdentityRequest { CitizenId = Subjects.Residents[1], Name = "测试" };
        await FirstCallAsync(verify, identity);

        IReadOnlyList<CallOutcome> outcomes;
        await using (var load = CallLoad.Start(FaultScale.Callers, (n, ct) => VerifyOutcomeAsync(verify, identity, ct)))
        {
            await load.WhenCompletedAsync(c => c >= 500, TimeSpan.FromSeconds(120));
            outcomes = await load.StopAsync();
        }

        var answered = outcomes.Where(o => o.Status != StatusCode.Cancelled).ToList();
        var window = answered.Max(o => o.StartedUtc + o.Latency) - answered.Min(o => o.StartedUtc);
        var admitted = answered.Count(o => o.Status != StatusCode.ResourceExhausted);
        var refused = answered.Count - admitted;
        var allowed = LimitedBurst + LimitedRate * window.TotalSeconds;
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{answered.Count} calls over {window.TotalSeconds:0.00} s through the front: admitted {admitted}, refused {refused} " +
            $"({string.Join(", ", answered.GroupBy(o => o.Status).Select(g => $"{g.Key} {g.Count()}"))}); configured {LimitedRate}/s + burst {LimitedBurst} allows {allowed:0}");
        Assert.True(refused >= admitted / 2, "the load should ask for well over the rate, or the limit is not tested");
        Assert.All(answered, o => Assert.True(o.Status is StatusCode.OK or StatusCode.NotFound or StatusCode.ResourceExhausted, o.Status.ToString()));
        // No lower bound here: permits refilled while no call reached the limiter (a loaded machine stalls the callers or
        // the gateways for a second at times) are lost to a full bucket, so fewer admitted calls need not be the
        // limiter's doing. That each call takes one permit and the bucket refills at the rate is the next test's.
        Assert.True(admitted <= allowed * 1.1, $"admitted {admitted}, more than the {allowed:0} the configured rate allows and ten percent");
    }

    [Fact]
    public async Task Both_instances_take_one_permit_a_call_from_one_shared_bucket_that_refills_at_the_configured_rate()
    {
        var identity = new VerifyIdentityRequest { CitizenId = Subjects.Residents[1], Name = "测试" };
        var instances = Cluster.Gateways
            .Select(g => new PopulationService.PopulationServiceClient(Cluster.GatewayCallsAs(g, ExchangeClients.MarketRegulation, NewCase("PERMIT"))))
            .ToList();
        foreach (var instance in instances)
            await FirstCallAsync(instance, identity);
        // Waiting longer only fills the bucket more, never above its burst: none of the waits below can fail this test on a
        // slow machine, and none is needed for it to pass on a fast one beyond the refill it waits for.
        var fullRefill = TimeSpan.FromSeconds((double)LimitedBurst / LimitedRate) + TimeSpan.FromMilliseconds(200);
        await Task.Delay(fullRefill, TestContext.Current.CancellationToken);

        // A full bucket admits its burst, the calls taking turns on the two instances: one permit a call, one bucket.
        var fromFull = new List<StatusCode>();
        for (var i = 0; i < LimitedBurst; i++)
            fromFull.Add((await VerifyOutcomeAsync(instances[i % instances.Count], identity, TestContext.Current.CancellationToken)).Status);
        Assert.All(fromFull, status => Assert.NotEqual(StatusCode.ResourceExhausted, status));

        // Emptied (a refusal says it held less than a permit), then left alone for a while: what it admits then is at
        // least what the configured rate refilled in that while.
        await Eventually.WithinAsync(TimeSpan.FromSeconds(30), async () =>
            (await AtOnceAsync(instances, identity, 4 * LimitedBurst)).Contains(StatusCode.ResourceExhausted), "a burst of calls is refused in part");
        var pause = TimeSpan.FromMilliseconds(300);
        await Task.Delay(pause, TestContext.Current.CancellationToken);
        var afterPause = await AtOnceAsync(instances, identity, 4 * LimitedBurst);
        var refilled = (int)(LimitedRate * pause.TotalSeconds);
        Assert.True(afterPause.Count(s => s != StatusCode.ResourceExhausted) >= refilled,
            $"after {pause.TotalMilliseconds} ms at {LimitedRate}/s the shared bucket held at least {refilled} permits, but of {afterPause.Count} calls at once it admitted {afterPause.Count(s => s != StatusCode.ResourceExhausted)}");
    }

    /// <summary>Calls made together, spread over the instances; their statuses.</summary>
    private static async Task<IReadOnlyList<StatusCode>> AtOnceAsync(IReadOnlyList<PopulationService.PopulationServiceClient> instances, VerifyIdentityRequest request, int calls) =>
        (await Task.WhenAll(Enumerable.Range(0, calls).Select(i => VerifyOutcomeAsync(instances[i % instances.Count], request, TestContext.Current.CancellationToken))))
            .Select(o => o.Status)
            .ToList();

    [Fact]
    public async Task With_Redis_down_each_instance_limits_on_its_own_says_so_once_and_counts_the_outage_when_it_is_back()
    {
        var redis = Cluster.Redis!;
        var residents = new PopulationService.PopulationServiceClient(Cluster.GatewayCallsAs(Front, ExchangeClients.CivilAffairs, NewCase("REDIS")));
        // The first call fetches the token; the outage is measured, not that.
        await residents.GetResidentAsync(new GetResidentRequest { CitizenId = Subjects.Residents[0] }, deadline: DateTime.UtcNow.AddSeconds(30));
        var logs = Cluster.Gateways.Select(g => g.CaptureLog()).ToList();
        try
        {
            foreach (var gateway in Cluster.Gateways)
                await UntilRateLimitsAsync(gateway, "Healthy");
            IReadOnlyList<CallOutcome> outcomes;
            try
            {
                redis.Kill();
                await using var load = CallLoad.Start(FaultScale.Callers, (n, ct) => CallLoad.MeasureAsync("GetResident", () =>
                    residents.GetResidentAsync(new GetResidentRequest { CitizenId = Subjects.Residents[n % Subjects.Residents.Count] },
                        deadline: DateTime.UtcNow.AddSeconds(30), cancellationToken: ct)));
                await load.WhenCompletedAsync(c => c >= 300, TimeSpan.FromSeconds(60));
                foreach (var gateway in Cluster.Gateways)
                {
                    var degraded = await UntilRateLimitsAsync(gateway, "Degraded");
                    Assert.Contains("on its own", degraded.Description);
                }
                outcomes = await load.StopAsync();
            }
            finally
            {
                await redis.RestartAsync(TestContext.Current.CancellationToken);
            }
            foreach (var gateway in Cluster.Gateways)
                await UntilRateLimitsAsync(gateway, "Healthy");

            var answered = outcomes.Where(o => o.Status != StatusCode.Cancelled).ToList();
            TestContext.Current.TestOutputHelper?.WriteLine($"{answered.Count} calls while Redis was down: {string.Join(", ", answered.GroupBy(o => o.Status).Select(g => $"{g.Key} {g.Count()}"))}");
            Assert.All(answered, o => Assert.Equal(StatusCode.OK, o.Status));
            for (var i = 0; i < Cluster.Gateways.Count; i++)
            {
                var gateway = Cluster.Gateways[i];
                var log = logs[i];
                await Eventually.WithinAsync(TimeSpan.FromSeconds(20),
                    () => Task.FromResult(log.Lines.Any(l => l.Contains("is back after", StringComparison.Ordinal))), "the instance logs that Redis is back");
                var outageLines = log.Lines.Where(l => l.Contains("Redis", StringComparison.Ordinal)).ToList();
                TestContext.Current.TestOutputHelper?.WriteLine($"{gateway}:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", outageLines)}");
                Assert.Single(outageLines, l => l.Contains("unavailable", StringComparison.Ordinal));
                Assert.Single(outageLines, l => l.Contains("is back after", StringComparison.Ordinal));
                Assert.Equal(2, outageLines.Count);
            }
        }
        finally
        {
            foreach (var log in logs)
                log.Dispose();
        }
    }

    /// <summary>
    /// A client's first call, which fetches its token. Both rate tests empty market regulation's shared bucket, so the one
    /// that runs second may find it empty: a refusal is waited out (the bucket refills at the configured rate).
    /// </summary>
    private static async Task FirstCallAsync(PopulationService.PopulationServiceClient client, VerifyIdentityRequest request)
    {
        var status = StatusCode.ResourceExhausted;
        await Eventually.WithinAsync(TimeSpan.FromSeconds(30), async () =>
            (status = (await VerifyOutcomeAsync(client, request, TestContext.Current.CancellationToken)).Status) != StatusCode.ResourceExhausted,
            "a first call is admitted once market regulation's bucket has refilled");
        Assert.True(status is StatusCode.OK or StatusCode.NotFound, $"the first call was answered {status}");
    }

    private static Task<CallOutcome> VerifyOutcomeAsync(PopulationService.PopulationServiceClient client, VerifyIdentityRequest request, CancellationToken ct) =>
        CallLoad.MeasureAsync("VerifyIdentity", () => client.VerifyIdentityAsync(request, deadline: DateTime.UtcNow.AddSeconds(30), cancellationToken: ct));

    private static async Task<HealthProbe.Check> UntilRateLimitsAsync(ServiceProcess gateway, string status)
    {
        HealthProbe.Check last = new("none", "");
        await Eventually.WithinAsync(TimeSpan.FromSeconds(20), async () => (last = await ProbeRateLimitsAsync(gateway)).Status == status,
            $"{gateway}'s ratelimits check turns {status}");
        return last;
    }

    /// <summary>The gateway's <c>ratelimits</c> readiness check, asked of it directly.</summary>
    private static async Task<HealthProbe.Check> ProbeRateLimitsAsync(ServiceProcess gateway) => (await HealthProbe.AskAsync(gateway))["ratelimits"];

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

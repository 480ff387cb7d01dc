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
/// and one instance's death fails no call that retries. A cluster of its own, since it kills an instance.
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
                ["Balancer:TransportFailureRate:DetectionWindowSize"] = "00:00:03",
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

        var recorded = await Task.WhenAll(Cluster.Gateways.Select(g => AuditedCallsAsync(g, caseNumber)));
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
    public async Task Killing_one_instance_fails_no_call_that_retries_and_the_front_stops_sending_to_it()
    {
        var (survivor, victim) = (Cluster.Gateways[0], Cluster.Gateways[1]);
        var caseNumber = NewCase("KILL");
        var retrying = new PopulationService.PopulationServiceClient(Cluster.GatewayCallsAs(Front, ExchangeClients.CivilAffairs, RetryOnUnavailable, caseNumber));
        DateTime? killedAt = null;
        var outcomes = new List<(DateTime Started, TimeSpan Took, StatusCode Status)>();

        // The first call fetches the token; the load measures the kill, not that.
        await retrying.GetResidentAsync(new GetResidentRequest { CitizenId = Subjects.Residents[0] }, deadline: DateTime.UtcNow.AddSeconds(15));
        using var stop = new CancellationTokenSource();
        var callers = Enumerable.Range(0, 4).Select(caller => Task.Run(async () =>
        {
            for (var n = 0; !stop.IsCancellationRequested && n < 2_000; n++)
            {
                var started = DateTime.UtcNow;
                StatusCode status;
                try
                {
                    await retrying.GetResidentAsync(new GetResidentRequest { CitizenId = Subjects.Residents[(caller * 100 + n) % Subjects.Residents.Count] },
                        deadline: DateTime.UtcNow.AddSeconds(15));
                    status = StatusCode.OK;
                }
                catch (RpcException ex)
                {
                    status = ex.StatusCode;
                }
                lock (outcomes)
                    outcomes.Add((started, DateTime.UtcNow - started, status));
            }
        })).ToList();
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(1.5));
            victim.Kill();
            // Taken once the process is gone: Kill walks the process tree before it signals, and a call the victim
            // took meanwhile is in flight at its death, not after it.
            killedAt = DateTime.UtcNow;
            await Task.Delay(TimeSpan.FromSeconds(3));
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(callers);
        }
        try
        {
            await AssertNoRetryingCallFailedAsync(survivor, outcomes, killedAt.Value);
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
            return await AuditedCallsAsync(victim, backCase) == 2;
        }, "the front shares calls with the restarted instance again");
    }

    private async Task AssertNoRetryingCallFailedAsync(ServiceProcess survivor, List<(DateTime Started, TimeSpan Took, StatusCode Status)> outcomes, DateTime killedAt)
    {
        var afterKill = outcomes.Where(o => o.Started >= killedAt).ToList();
        var aroundKill = outcomes.Where(o => o.Started < killedAt && o.Status != StatusCode.OK).ToList();
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"calls {outcomes.Count}, started after the kill {afterKill.Count} (failed {afterKill.Count(o => o.Status != StatusCode.OK)}), " +
            $"in flight at the kill and failed {aroundKill.Count} ({string.Join(", ", aroundKill.Select(o => o.Status))}), " +
            $"longest call {outcomes.Max(o => o.Took).TotalMilliseconds:0} ms");
        Assert.True(afterKill.Count > 20, $"only {afterKill.Count} calls ran after the kill");
        Assert.All(afterKill, o => Assert.Equal(StatusCode.OK, o.Status));
        // A call cut after the dying instance had sent its response headers (its trailers wait for the audit record)
        // is committed and cannot be retried by the client; at most one per caller can have been there.
        Assert.InRange(aroundKill.Count, 0, 4);

        // The front has taken the dead instance out: calls without any retry all reach the survivor.
        var plainCase = NewCase("AFTER");
        var plain = new PopulationService.PopulationServiceClient(Cluster.GatewayCallsAs(Front, ExchangeClients.CivilAffairs, plainCase));
        for (var i = 0; i < 10; i++)
            await plain.GetResidentAsync(new GetResidentRequest { CitizenId = Subjects.Residents[i] }, deadline: DateTime.UtcNow.AddSeconds(10));
        Assert.Equal(10, await AuditedCallsAsync(survivor, plainCase));
    }

    private static string NewCase(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..20];

    private async Task<Licence> ValidIdentityCardAsync(string citizenId)
    {
        var listed = await new LicenceService.LicenceServiceClient(Cluster.GatewayCallsAs(Front, ExchangeClients.CivilAffairs))
            .ListByHolderAsync(new ListByHolderRequest { HolderId = citizenId });
        return listed.Licences.FirstOrDefault(l => l.TypeCode == "RIDC" && l.Status == LicenceStatus.Valid)
               ?? throw new InvalidOperationException($"{citizenId} should hold a valid identity card licence");
    }

    /// <summary>How many calls of the case this instance recorded in its own audit store, asked of it directly.</summary>
    private async Task<int> AuditedCallsAsync(ServiceProcess gateway, string caseNumber)
    {
        var audit = new AuditService.AuditServiceClient(Cluster.GatewayCallsAs(gateway, ExchangeClients.CivilAffairs));
        var count = 0;
        long before = 0;
        for (var page = 0; page < 100; page++)
        {
            var records = (await audit.QueryAuditRecordsAsync(new QueryAuditRecordsRequest { ConsumerDepartmentCode = "CIVIL-AFFAIRS", PageSize = 1000, BeforeSequence = before })).Records;
            if (records.Count == 0)
                break;
            count += records.Count(r => r.CaseNumber == caseNumber && r.Status == "OK");
            before = records[^1].Sequence;
        }
        return count;
    }
}

using Exchange.Protos.Audit.V1;
using Exchange.Protos.Licence.V1;
using Exchange.Protos.PublicSecurity.V1;
using Exchange.Testing;
using Grpc.Core;

namespace Exchange.Resilience.Tests;

/// <summary>A gateway killed with SIGKILL in the middle of a load loses nothing it acknowledged.</summary>
[Collection(FaultCollection.Name)]
public sealed class GatewayCrashTests(FaultClusterFixture fixture)
{
    private ExchangeCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task Every_call_acknowledged_before_a_SIGKILL_has_its_audit_record_the_chain_verifies_and_the_revocation_holds()
    {
        var caseNumber = $"CRASH-{Guid.NewGuid():N}"[..20];
        var residents = new PopulationService.PopulationServiceClient(Cluster.GatewayCallsAs(ExchangeClients.CivilAffairs, caseNumber));
        var identityCard = await ValidIdentityCardAsync(Subjects.Residents[^1]);

        await using var load = CallLoad.Start(FaultScale.Callers, (n, ct) => CallLoad.MeasureAsync("GetResident", () =>
            residents.GetResidentAsync(new GetResidentRequest { CitizenId = Subjects.Residents[n % Subjects.Residents.Count] },
                deadline: DateTime.UtcNow.AddSeconds(5), cancellationToken: ct)));
        await load.UntilAsync(FaultScale.CallsPerPhase, o => o.Status == StatusCode.OK, "answered OK before the revocation");
        await Licences(ExchangeClients.PublicSecurity).RevokeAsync(new RevokeRequest { LicenceNumber = identityCard.LicenceNumber, Reason = "故障测试：证件挂失" });
        var revokedAt = DateTime.UtcNow;
        await load.UntilAsync(FaultScale.Callers, o => o.StartedUtc > revokedAt, "after the revocation");
        Cluster.Gateway.Kill();
        var killedAt = DateTime.UtcNow;
        await load.UntilAsync(FaultScale.Callers, o => o.StartedUtc > killedAt, "after the kill");
        var outcomes = await load.StopAsync();
        await Cluster.Gateway.StartAsync(TestContext.Current.CancellationToken);
        await ReachableAgainAsync();

        var acknowledged = outcomes.Where(o => o.Status == StatusCode.OK).Select(o => o.RequestId).ToHashSet(StringComparer.Ordinal);
        var recorded = await RecordedRequestIdsAsync(caseNumber);
        var missing = acknowledged.Where(id => !recorded.Contains(id)).ToList();
        var chain = await new AuditService.AuditServiceClient(Cluster.GatewayCallsAs(ExchangeClients.CivilAffairs))
            .VerifyAuditChainAsync(new VerifyAuditChainRequest());
        var afterRestart = await Licences(ExchangeClients.CivilAffairs).VerifyAsync(new VerifyRequest { LicenceNumber = identityCard.LicenceNumber });

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"calls {outcomes.Count}, acknowledged {acknowledged.Count}, failed around the kill {outcomes.Count(o => o.Status != StatusCode.OK)} " +
            $"({string.Join(", ", outcomes.Where(o => o.Status != StatusCode.OK).GroupBy(o => o.Status).Select(g => $"{g.Key} {g.Count()}"))}), " +
            $"audit records of the case {recorded.Count}, acknowledged calls without a record {missing.Count}, chain {(chain.Intact ? "intact" : chain.Problem)} over {chain.RecordsChecked}");
        Assert.True(acknowledged.Count > 0, "the load made no successful call before the kill");
        Assert.Empty(missing);
        Assert.True(chain.Intact, chain.Problem);
        Assert.Equal(VerificationOutcome.Revoked, afterRestart.Verification.Outcome);
    }

    private LicenceService.LicenceServiceClient Licences(string client) => new(Cluster.GatewayCallsAs(client));

    /// <summary>The clients' channels saw the gateway refuse connections and back off; wait until they reconnect.</summary>
    private async Task ReachableAgainAsync()
    {
        var audit = new AuditService.AuditServiceClient(Cluster.GatewayCallsAs(ExchangeClients.CivilAffairs));
        await Eventually.WithinAsync(TimeSpan.FromSeconds(30), async () =>
        {
            try
            {
                await audit.QueryAuditRecordsAsync(new QueryAuditRecordsRequest { PageSize = 1 }, deadline: DateTime.UtcNow.AddSeconds(5));
                return true;
            }
            catch (RpcException)
            {
                return false;
            }
        }, "the restarted gateway answers through the clients' channels");
    }

    private async Task<Licence> ValidIdentityCardAsync(string citizenId)
    {
        var listed = await Licences(ExchangeClients.CivilAffairs).ListByHolderAsync(new ListByHolderRequest { HolderId = citizenId });
        return listed.Licences.FirstOrDefault(l => l.TypeCode == "RIDC" && l.Status == LicenceStatus.Valid)
               ?? throw new InvalidOperationException($"{citizenId} should hold a valid identity card licence");
    }

    /// <summary>The request ids of every audit record of the case, read page by page.</summary>
    private async Task<HashSet<string>> RecordedRequestIdsAsync(string caseNumber)
    {
        var audit = new AuditService.AuditServiceClient(Cluster.GatewayCallsAs(ExchangeClients.CivilAffairs));
        var ids = new HashSet<string>(StringComparer.Ordinal);
        long before = 0;
        for (var page = 0; page < 10_000; page++)
        {
            var records = (await audit.QueryAuditRecordsAsync(new QueryAuditRecordsRequest { ConsumerDepartmentCode = "CIVIL-AFFAIRS", PageSize = 1000, BeforeSequence = before })).Records;
            if (records.Count == 0)
                break;
            foreach (var record in records.Where(r => r.CaseNumber == caseNumber))
                ids.Add(record.RequestId);
            before = records[^1].Sequence;
        }
        return ids;
    }
}

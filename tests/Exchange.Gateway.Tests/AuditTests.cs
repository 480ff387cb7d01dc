using Exchange.Protos.Audit.V1;
using Exchange.Protos.PublicSecurity.V1;
using Exchange.Testing;
using Grpc.Core;

namespace Exchange.Gateway.Tests;

/// <summary>Every call, allowed or denied, is in the audit log with who, whom, what, for which case; the chain verifies.</summary>
[Collection(SharedClusterCollection.Name)]
public sealed class AuditTests(RecordedClusterFixture fixture)
{
    private static readonly Exchange.SyntheticData.Resident Subject = SeededPopulation.Default.Residents[1];

    private ExchangeCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task Allowed_and_denied_calls_are_recorded_and_a_holder_can_see_who_used_their_data()
    {
        var caseNumber = "AUDIT-" + Guid.NewGuid().ToString("N")[..8];
        await new PopulationService.PopulationServiceClient(Cluster.GatewayCallsAs(ExchangeClients.CivilAffairs, caseNumber, "办理结婚登记核实当事人身份"))
            .GetResidentAsync(new GetResidentRequest { CitizenId = Subject.CitizenId });
        Assert.Equal(StatusCode.PermissionDenied, await GrpcStatus.OfAsync(() =>
            ResourceCalls.Call(Cluster, ExchangeClients.MarketRegulation, "CA-MARRIAGE-RECORDS")));

        var asCivilAffairs = new AuditService.AuditServiceClient(Cluster.GatewayCallsAs(ExchangeClients.CivilAffairs));
        var byHolder = await asCivilAffairs.QueryAuditRecordsAsync(new QueryAuditRecordsRequest { HolderId = Subject.CitizenId });

        var record = Assert.Single(byHolder.Records, r => r.CaseNumber == caseNumber);
        Assert.Equal("CIVIL-AFFAIRS", record.ConsumerDepartmentCode);
        Assert.Equal("PUBLIC-SECURITY", record.ProviderDepartmentCode);
        Assert.Equal("PS-RESIDENT-BASIC", record.ResourceCode);
        Assert.Equal("/exchange.publicsecurity.v1.PopulationService/GetResident", record.Method);
        Assert.Equal("办理结婚登记核实当事人身份", record.Purpose);
        Assert.Equal("OK", record.Status);
        Assert.Equal(["birth_date", "gender", "name", "status"], record.DataItems.Order(StringComparer.Ordinal));
        Assert.True(record.LatencyMicros > 0);
        Assert.Matches("^[0-9a-f]{64}$", record.Hash);

        var asMarketRegulation = new AuditService.AuditServiceClient(Cluster.GatewayCallsAs(ExchangeClients.MarketRegulation));
        var denied = await asMarketRegulation.QueryAuditRecordsAsync(new QueryAuditRecordsRequest { ResourceCode = "CA-MARRIAGE-RECORDS" });
        Assert.Contains(denied.Records, r => r.Status == "PERMISSION_DENIED" && r.ConsumerDepartmentCode == "MARKET-REGULATION");

        var verification = await asCivilAffairs.VerifyAuditChainAsync(new VerifyAuditChainRequest());
        Assert.True(verification.Intact, verification.Problem);
        Assert.True(verification.RecordsChecked >= 2);
    }

    [Fact]
    public async Task Department_sees_only_records_it_took_part_in()
    {
        await ResourceCalls.Call(Cluster, ExchangeClients.CivilAffairs, "MR-ENTERPRISE-BASIC");

        var asPublicSecurity = new AuditService.AuditServiceClient(Cluster.GatewayCallsAs(ExchangeClients.PublicSecurity));
        var seen = await asPublicSecurity.QueryAuditRecordsAsync(new QueryAuditRecordsRequest { PageSize = 1000 });

        Assert.All(seen.Records, r => Assert.True(
            r.ConsumerDepartmentCode == "PUBLIC-SECURITY" || r.ProviderDepartmentCode == "PUBLIC-SECURITY",
            $"record {r.Sequence} is between {r.ConsumerDepartmentCode} and {r.ProviderDepartmentCode}"));
    }
}

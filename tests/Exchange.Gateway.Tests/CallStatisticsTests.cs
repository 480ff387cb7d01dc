using Exchange.Protos.Audit.V1;
using Exchange.Protos.Licence.V1;
using Exchange.Testing;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Exchange.Gateway.Tests;

/// <summary>Call statistics count exactly the audited calls of a range, per department and resource, with their denials, p95 latency and materials exempted.</summary>
// On the shared cluster, whose classes run one after another: the counts are exact over a time range, so no other
// class may call in it meanwhile.
[Collection(SharedClusterCollection.Name)]
public sealed class CallStatisticsTests(RecordedClusterFixture fixture)
{
    private ExchangeCluster Cluster => fixture.Cluster;

    private AuditService.AuditServiceClient AuditAs(string clientId) => new(Cluster.GatewayCallsAs(clientId));

    [Fact]
    public async Task Calls_denials_latency_and_exempted_materials_of_a_range_are_counted()
    {
        // From now, not a moment earlier: a record the cluster made just before this test must not be counted.
        var from = DateTimeOffset.UtcNow;
        for (var i = 0; i < 3; i++)
            await ResourceCalls.Call(Cluster, ExchangeClients.CivilAffairs, "PS-RESIDENT-BASIC");
        for (var i = 0; i < 2; i++)
            Assert.Equal(StatusCode.PermissionDenied, await ResourceCalls.StatusAsync(Cluster, ExchangeClients.MarketRegulation, "CA-MARRIAGE-RECORDS"));
        var (husband, wife) = LicenceHolders.MarriedCouples[2];
        var check = await LicenceCalls.As(Cluster, ExchangeClients.CivilAffairs).CheckMaterialsAsync(new CheckMaterialsRequest
        {
            ServiceItemCode = "CA-MARRIAGE-REGISTRATION",
            Applicants = { new Applicant { Role = "applicant", HolderId = husband }, new Applicant { Role = "spouse", HolderId = wife } },
        });
        var until = DateTimeOffset.UtcNow.AddSeconds(1);

        var statistics = await AuditAs(ExchangeClients.CatalogAdmin).GetCallStatisticsAsync(Request(from, until, TimeSpan.FromSeconds(1)));

        // The material check reads each applicant's residence and marriage records: exchanges of those resources too.
        var resident = Assert.Single(statistics.Resources, r => r.ResourceCode == "PS-RESIDENT-BASIC");
        Assert.Equal(("PUBLIC-SECURITY", 3L + 2L, 0L), (resident.ProviderDepartmentCode, resident.Calls, resident.Denials));
        var marriages = Assert.Single(statistics.Resources, r => r.ResourceCode == "CA-MARRIAGE-RECORDS");
        Assert.Equal((2L + 2L, 2L), (marriages.Calls, marriages.Denials));
        var marketRegulation = Assert.Single(statistics.Consumers, c => c.ConsumerDepartmentCode == "MARKET-REGULATION");
        Assert.Equal((2L, 2L), (marketRegulation.Calls, marketRegulation.Denials));
        Assert.True(statistics.Consumers.Single(c => c.ConsumerDepartmentCode == "CIVIL-AFFAIRS").Calls >= 4);

        Assert.Equal(statistics.Consumers.Sum(c => c.Calls), statistics.Total.Calls);
        Assert.Equal(statistics.Resources.Sum(r => r.Calls), statistics.Total.Calls);
        Assert.Equal(2, statistics.Total.Denials);
        Assert.Equal(statistics.Total.Calls, statistics.Buckets.Sum(b => b.Calls));
        Assert.Equal(statistics.Total.Calls, statistics.Series.Sum(s => s.Calls));
        Assert.Equal(2, statistics.Series.Where(s => s.ResourceCode == "CA-MARRIAGE-RECORDS").Sum(s => s.Denials));
        Assert.All(statistics.Buckets, b => Assert.True(b.StartTime.ToDateTimeOffset() >= from.AddMilliseconds(-1) && b.StartTime.ToDateTimeOffset() < until));

        // Nearest rank of 5 latencies at 95 %: the slowest.
        var records = await AuditAs(ExchangeClients.CatalogAdmin).QueryAuditRecordsAsync(new QueryAuditRecordsRequest
        {
            ResourceCode = "PS-RESIDENT-BASIC",
            StartTime = Timestamp.FromDateTimeOffset(from),
            EndTime = Timestamp.FromDateTimeOffset(until),
        });
        Assert.Equal(records.Records.Max(r => r.LatencyMicros), resident.P95LatencyMicros);
        Assert.True(statistics.Total.P95LatencyMicros > 0);

        var item = Assert.Single(statistics.ServiceItems);
        Assert.Equal(("CA-MARRIAGE-REGISTRATION", 1L, (long)check.MaterialsExempted), (item.ServiceItemCode, item.Checks, item.MaterialsExempted));
        Assert.Equal(check.Materials.Count, item.MaterialsChecked);
        Assert.True(check.MaterialsExempted > 0);
        Assert.Equal(check.MaterialsExempted, statistics.MaterialsExemptedTotal);
    }

    [Fact]
    public async Task A_department_counts_only_calls_it_took_part_in()
    {
        // From now, not earlier: the shared cluster's previous test may have had Market Regulation call PS-RESIDENT-BASIC
        // a moment ago, and those calls are rightly Market Regulation's to see.
        var from = DateTimeOffset.UtcNow;
        await ResourceCalls.Call(Cluster, ExchangeClients.CivilAffairs, "PS-RESIDENT-BASIC");
        await ResourceCalls.Call(Cluster, ExchangeClients.MarketRegulation, "MR-CREDIT-STATUS");
        var until = DateTimeOffset.UtcNow.AddSeconds(1);

        var statistics = await AuditAs(ExchangeClients.MarketRegulation).GetCallStatisticsAsync(Request(from, until, TimeSpan.FromMinutes(1)));

        Assert.DoesNotContain(statistics.Resources, r => r.ResourceCode == "PS-RESIDENT-BASIC");
        Assert.Contains(statistics.Resources, r => r.ResourceCode == "MR-CREDIT-STATUS");
        Assert.All(statistics.Series, s => Assert.True(s.ConsumerDepartmentCode == "MARKET-REGULATION" || s.ProviderDepartmentCode == "MARKET-REGULATION"));
    }

    [Theory]
    [InlineData(60, 0, 60, "end_time")]
    [InlineData(0, -60, 60, "end_time")]
    [InlineData(0, 32 * 86_400, 86_400, "end_time")]
    [InlineData(0, 86_400, 0, "bucket")]
    [InlineData(0, 86_400, 60, "bucket")]
    public async Task A_bad_range_or_bucket_is_refused_naming_the_field(int startOffsetSeconds, int endOffsetSeconds, int bucketSeconds, string field)
    {
        var now = DateTimeOffset.UtcNow;
        var request = Request(now.AddSeconds(startOffsetSeconds), now.AddSeconds(endOffsetSeconds), TimeSpan.FromSeconds(bucketSeconds));

        var refused = await Assert.ThrowsAsync<RpcException>(() => AuditAs(ExchangeClients.CatalogAdmin).GetCallStatisticsAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.StartsWith(field, refused.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_range_without_start_is_refused()
    {
        var refused = await Assert.ThrowsAsync<RpcException>(() => AuditAs(ExchangeClients.CatalogAdmin)
            .GetCallStatisticsAsync(new GetCallStatisticsRequest { EndTime = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow), Bucket = Duration.FromTimeSpan(TimeSpan.FromMinutes(1)) }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.StartsWith("start_time", refused.Status.Detail, StringComparison.Ordinal);
    }

    private static GetCallStatisticsRequest Request(DateTimeOffset from, DateTimeOffset until, TimeSpan bucket) => new()
    {
        StartTime = Timestamp.FromDateTimeOffset(from),
        EndTime = Timestamp.FromDateTimeOffset(until),
        Bucket = Duration.FromTimeSpan(bucket),
    };
}

using Exchange.Protos.Audit.V1;
using Exchange.Protos.Catalog.V1;
using Exchange.Protos.Licence.V1;
using Exchange.Protos.PublicSecurity.V1;
using Exchange.Testing;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Exchange.Gateway.Tests;

/// <summary>
/// The stores on PostgreSQL: seeded data served, catalog decisions stored and routed, writes kept across restarts, and
/// one audit chain that several gateway instances extend together.
/// </summary>
public sealed class PostgreSqlClusterTests(PostgreSqlClusterFixture fixture) : IClassFixture<PostgreSqlClusterFixture>
{
    private ExchangeCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task Seeded_department_data_is_served_from_PostgreSQL_through_the_gateway()
    {
        var expected = SeededPopulation.Default.Residents[0];
        var population = new PopulationService.PopulationServiceClient(Cluster.GatewayCallsAs(ExchangeClients.PublicSecurity));

        var resident = (await population.GetResidentAsync(new GetResidentRequest { CitizenId = expected.CitizenId })).Resident;

        Assert.Equal(expected.Name, resident.Name);
        Assert.Equal(expected.RegisteredAddress, resident.RegisteredAddress);
        var database = Assert.Single(await fixture.Postgres.DatabasesAsync("PublicSecurity"));
        Assert.Equal(SeededPopulation.Default.Residents.Count, await fixture.Postgres.ScalarAsync(database, "SELECT COUNT(*) FROM residents"));
        Assert.Equal(1, await fixture.Postgres.ScalarAsync(database, "SELECT COUNT(*) FROM \"__EFMigrationsHistory\""));
    }

    [Fact]
    public async Task An_approval_stored_in_PostgreSQL_opens_the_resource_and_survives_a_catalog_restart()
    {
        Assert.Equal(StatusCode.PermissionDenied, await ResourceCalls.StatusAsync(Cluster, ExchangeClients.MarketRegulation, "CA-MARRIAGE-RECORDS"));
        var now = DateTimeOffset.UtcNow;
        var applied = await Access(ExchangeClients.MarketRegulation).ApplyForAccessAsync(new ApplyForAccessRequest
        {
            Application = new AccessApplication
            {
                ResourceCode = "CA-MARRIAGE-RECORDS",
                DataItems = { "kind", "registered_date" },
                Purpose = "办理企业变更登记核实婚姻状况",
                LegalBasis = "《市场主体登记管理条例》第二十四条",
                ValidFrom = Timestamp.FromDateTimeOffset(now.AddSeconds(-1)),
                ValidUntil = Timestamp.FromDateTimeOffset(now.AddDays(30)),
            },
        });
        await Access(ExchangeClients.CivilAffairs).ApproveAccessApplicationAsync(new ApproveAccessApplicationRequest { Id = applied.Application.Id, Note = "同意" });
        await Eventually.WithinAsync(TimeSpan.FromSeconds(5), async () =>
            await ResourceCalls.StatusAsync(Cluster, ExchangeClients.MarketRegulation, "CA-MARRIAGE-RECORDS") == StatusCode.OK, "the approval takes effect");

        await Cluster.Catalog.StopAsync();
        await Cluster.Catalog.StartAsync(TestContext.Current.CancellationToken);

        var stored = await Access(ExchangeClients.CivilAffairs).GetAccessApplicationAsync(new GetAccessApplicationRequest { Id = applied.Application.Id });
        Assert.Equal(AccessApplicationState.Approved, stored.Application.State);
        var catalog = Assert.Single(await fixture.Postgres.DatabasesAsync("Catalog"));
        Assert.Equal(1, await fixture.Postgres.ScalarAsync(catalog, $"SELECT COUNT(*) FROM access_applications WHERE \"Id\" = '{applied.Application.Id}'"));
        Assert.Equal(StatusCode.OK, await ResourceCalls.StatusAsync(Cluster, ExchangeClients.MarketRegulation, "CA-MARRIAGE-RECORDS"));
    }

    [Fact]
    public async Task A_revocation_acknowledged_on_PostgreSQL_survives_the_issuer_being_killed()
    {
        var (husband, _) = LicenceHolders.MarriedCouples[0];
        var licences = LicenceCalls.As(Cluster, ExchangeClients.CivilAffairs);
        var licence = await licences.FirstAsync(husband, "MARC") ?? throw new InvalidOperationException($"{husband} should hold a marriage certificate");

        await licences.RevokeAsync(new RevokeRequest { LicenceNumber = licence.LicenceNumber, Reason = "婚姻登记被依法撤销" });
        Cluster.CivilAffairs.Kill();
        await Cluster.CivilAffairs.StartAsync(TestContext.Current.CancellationToken);
        Assert.Equal("+OK", await Cluster.Redis!.CommandAsync("FLUSHALL"));

        var verification = (await licences.VerifyAsync(licence.LicenceNumber)).Response.Verification;
        Assert.Equal(VerificationOutcome.Revoked, verification.Outcome);
        Assert.Contains("婚姻登记被依法撤销", verification.Reason);
    }

    [Fact]
    public async Task Two_gateway_instances_extend_one_audit_chain_in_PostgreSQL_and_both_verifiers_catch_an_edit()
    {
        var second = await Cluster.StartGatewayAsync(TestContext.Current.CancellationToken);
        try
        {
            var caseNumber = $"PG-{Guid.NewGuid():N}"[..20];
            // Both instances at once, so their batches interleave in the one chain.
            await Task.WhenAll(new[] { Cluster.Gateway, second }.SelectMany(gateway => Enumerable.Range(0, 20).Select(async i =>
            {
                var population = new PopulationService.PopulationServiceClient(Cluster.GatewayCallsAs(gateway, ExchangeClients.PublicSecurity, caseNumber));
                await population.GetResidentAsync(new GetResidentRequest { CitizenId = SeededPopulation.Default.Residents[i].CitizenId });
            })));

            var audit = Assert.Single(await fixture.Postgres.DatabasesAsync("Audit"));
            Assert.Equal(40, await fixture.Postgres.ScalarAsync(audit, $"SELECT COUNT(*) FROM audit_records WHERE case_number = '{caseNumber}'"));
            Assert.Equal(
                await fixture.Postgres.ScalarAsync(audit, "SELECT COUNT(*) FROM audit_records"),
                await fixture.Postgres.ScalarAsync(audit, "SELECT MAX(sequence) FROM audit_records"));
            foreach (var gateway in new[] { Cluster.Gateway, second })
            {
                var verification = await VerifyAsync(gateway);
                Assert.True(verification.Intact, verification.Problem);
            }
            Assert.Equal(0, OfflineAuditVerifier.Run(Cluster, Cluster.AuditConnectionString!, second.WorkingDirectory, out var intact));
            Assert.Contains("intact", intact);

            var edited = await fixture.Postgres.ScalarAsync(audit, $"SELECT MIN(sequence) FROM audit_records WHERE case_number = '{caseNumber}'");
            await fixture.Postgres.ScalarAsync(audit, $"WITH changed AS (UPDATE audit_records SET latency_micros = latency_micros + 1 WHERE sequence = {edited} RETURNING 1) SELECT COUNT(*) FROM changed");
            try
            {
                var broken = await VerifyAsync(second);
                Assert.False(broken.Intact);
                Assert.Equal(edited, broken.FirstBrokenSequence);
                Assert.Equal(1, OfflineAuditVerifier.Run(Cluster, Cluster.AuditConnectionString!, second.WorkingDirectory, out var printed));
                Assert.Contains($"record {edited} was edited", printed);
            }
            finally
            {
                await fixture.Postgres.ScalarAsync(audit,
                    $"WITH restored AS (UPDATE audit_records SET latency_micros = latency_micros - 1 WHERE sequence = {edited} RETURNING 1) SELECT COUNT(*) FROM restored");
            }
        }
        finally
        {
            await second.StopAsync();
        }
    }

    [Fact]
    public async Task Licence_uses_material_checks_and_call_statistics_are_kept_in_PostgreSQL()
    {
        var from = DateTimeOffset.UtcNow;
        var caseNumber = $"PGU-{Guid.NewGuid():N}"[..20];
        var (husband, wife) = LicenceHolders.MarriedCouples[1];
        var licences = LicenceCalls.As(Cluster, ExchangeClients.MarketRegulation, caseNumber);
        var certificate = await LicenceCalls.As(Cluster, ExchangeClients.CivilAffairs, caseNumber).FirstAsync(husband, "MARC")
                          ?? throw new InvalidOperationException($"{husband} should hold a marriage certificate");
        await licences.VerifyAsync(certificate.LicenceNumber);
        var check = await LicenceCalls.As(Cluster, ExchangeClients.CivilAffairs).CheckMaterialsAsync(new CheckMaterialsRequest
        {
            ServiceItemCode = "CA-MARRIAGE-REGISTRATION",
            Applicants = { new Applicant { Role = "applicant", HolderId = husband }, new Applicant { Role = "spouse", HolderId = wife } },
        });
        Assert.Equal(StatusCode.PermissionDenied, await ResourceCalls.StatusAsync(Cluster, ExchangeClients.CivilAffairs, "MR-CREDIT-STATUS"));
        var until = DateTimeOffset.UtcNow.AddSeconds(1);

        var uses = await LicenceCalls.As(Cluster, ExchangeClients.CivilAffairs).ListUsageAsync(new ListUsageRequest { HolderId = husband });
        Assert.Contains(uses.Usages, u => u.CaseNumber == caseNumber && u.Action == "Verify" && u.LicenceNumber == certificate.LicenceNumber);
        var statistics = await new AuditService.AuditServiceClient(Cluster.GatewayCallsAs(ExchangeClients.CatalogAdmin)).GetCallStatisticsAsync(new GetCallStatisticsRequest
        {
            StartTime = Timestamp.FromDateTimeOffset(from),
            EndTime = Timestamp.FromDateTimeOffset(until),
            Bucket = Duration.FromTimeSpan(TimeSpan.FromSeconds(1)),
        });
        var credit = Assert.Single(statistics.Resources, r => r.ResourceCode == "MR-CREDIT-STATUS");
        Assert.Equal((1L, 1L), (credit.Calls, credit.Denials));
        Assert.Equal(statistics.Total.Calls, statistics.Buckets.Sum(b => b.Calls));
        Assert.True(statistics.Total.P95LatencyMicros > 0);
        var item = Assert.Single(statistics.ServiceItems, i => i.ServiceItemCode == "CA-MARRIAGE-REGISTRATION");
        Assert.Equal((long)check.MaterialsExempted, item.MaterialsExempted);
        var audit = Assert.Single(await fixture.Postgres.DatabasesAsync("Audit"));
        Assert.True(await fixture.Postgres.ScalarAsync(audit, $"SELECT COUNT(*) FROM licence_uses WHERE case_number = '{caseNumber}'") >= 2);
    }

    private Task<VerifyAuditChainResponse> VerifyAsync(ServiceProcess gateway) =>
        new AuditService.AuditServiceClient(Cluster.GatewayCallsAs(gateway, ExchangeClients.CivilAffairs))
            .VerifyAuditChainAsync(new VerifyAuditChainRequest()).ResponseAsync;

    private AccessService.AccessServiceClient Access(string clientId) => new(Cluster.CatalogCallsAs(clientId));
}

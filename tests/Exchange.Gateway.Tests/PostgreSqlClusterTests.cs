using Exchange.Protos.Catalog.V1;
using Exchange.Protos.Licence.V1;
using Exchange.Protos.PublicSecurity.V1;
using Exchange.Testing;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Exchange.Gateway.Tests;

/// <summary>The stores on PostgreSQL: seeded data served, catalog decisions stored and routed, writes kept across restarts.</summary>
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

    private AccessService.AccessServiceClient Access(string clientId) => new(Cluster.CatalogCallsAs(clientId));
}

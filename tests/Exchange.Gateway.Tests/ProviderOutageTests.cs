using Exchange.Protos.Catalog.V1;
using Exchange.Protos.Licence.V1;
using Exchange.Protos.PublicSecurity.V1;
using Exchange.Testing;
using Grpc.Core;
using ListIssuerKeysRequest = Exchange.Protos.Catalog.V1.ListIssuerKeysRequest;

namespace Exchange.Gateway.Tests;

/// <summary>
/// One provider down (civil affairs, killed): its calls are UNAVAILABLE naming it, other departments keep working, and
/// a holder's licence list is partial, not failed. Restarted with a rotated signing key, it serves again, the new key is
/// registered in the catalog and licences signed before the rotation still verify. One outage and one restart for all
/// of these (each adapter restart is several CPU-seconds and, under load, half a minute). On the fault cluster.
/// </summary>
[Collection(FaultClusterCollection.Name)]
public sealed class ProviderOutageTests(FaultClusterCollection.Fixture fixture)
{
    private ExchangeCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task A_provider_down_gives_unavailable_and_partial_licence_lists_and_restarted_with_a_rotated_key_its_licences_still_verify()
    {
        var civilAffairs = Cluster.CivilAffairs;
        var (husband, _) = LicenceHolders.MarriedCouples[6];
        var licence = await LicenceCalls.As(Cluster, ExchangeClients.CivilAffairs).FirstAsync(LicenceHolders.MarriedCouples[7].Husband, "MARC")
                      ?? throw new InvalidOperationException("couple 7 should hold a marriage certificate");
        var keys = new IssuerKeyService.IssuerKeyServiceClient(Cluster.Catalog.Channel);
        var civilAffairsKeys = new ListIssuerKeysRequest { DepartmentCode = "CIVIL-AFFAIRS" };
        var before = (await keys.ListIssuerKeysAsync(civilAffairsKeys)).Keys;
        // Public security at a household move may use marriage certificates and identity cards.
        var counter = new Metadata { { "x-exchange-service-item", "PS-HOUSEHOLD-MOVE-SPOUSE" } };
        RpcException unavailable;
        ListByHolderResponse partial;
        try
        {
            civilAffairs.Kill();

            unavailable = await Assert.ThrowsAsync<RpcException>(() => ResourceCalls.Call(Cluster, ExchangeClients.MarketRegulation, "CA-SOCIAL-ORGANIZATION"));
            await new PopulationService.PopulationServiceClient(Cluster.GatewayCallsAs(ExchangeClients.CivilAffairs))
                .VerifyIdentityAsync(new VerifyIdentityRequest { CitizenId = "11010519491231002X", Name = "张伟" });
            partial = await LicenceCalls.As(Cluster, ExchangeClients.PublicSecurity).ListByHolderAsync(new ListByHolderRequest { HolderId = husband }, counter);
        }
        finally
        {
            // The cluster is shared by the fault collection: the provider runs again whatever the outcome.
            await civilAffairs.StartAsync(TestContext.Current.CancellationToken, new Dictionary<string, string> { ["Licences:KeyRotation"] = "00:00:01" });
        }

        Assert.Equal(StatusCode.Unavailable, unavailable.StatusCode);
        Assert.Contains(civilAffairs.Address.Authority, unavailable.Status.Detail);
        Assert.False(partial.Complete);
        var down = Assert.Single(partial.Issuers, i => i.IssuerDepartmentCode == "CIVIL-AFFAIRS");
        Assert.False(down.Answered);
        Assert.Contains("CIVIL-AFFAIRS", down.Problem);
        Assert.True(partial.Issuers.Single(i => i.IssuerDepartmentCode == "PUBLIC-SECURITY").Answered);
        Assert.Contains(partial.Licences, l => l.TypeCode == "RIDC");
        Assert.DoesNotContain(partial.Licences, l => l.TypeCode == "MARC");

        await Eventually.WithinAsync(TimeSpan.FromSeconds(30),
            async () => await ResourceCalls.StatusAsync(Cluster, ExchangeClients.MarketRegulation, "CA-SOCIAL-ORGANIZATION") == StatusCode.OK,
            "the gateway routes to the restarted provider again");
        await Eventually.WithinAsync(TimeSpan.FromSeconds(30),
            async () => (await keys.ListIssuerKeysAsync(civilAffairsKeys)).Keys.Count == before.Count + 1, "the rotated key is registered in the catalog");
        Assert.Equal("+OK", await Cluster.Redis!.CommandAsync("FLUSHALL"));
        var after = (await keys.ListIssuerKeysAsync(civilAffairsKeys)).Keys;
        var verified = (await LicenceCalls.As(Cluster, ExchangeClients.MarketRegulation).VerifyAsync(licence.LicenceNumber)).Response.Verification;

        var signingKey = Assert.Single(after, k => k.KeyId == licence.SigningKeyId);
        Assert.NotEqual(string.Empty, signingKey.ValidUntil);
        Assert.Single(after, k => k.ValidUntil.Length == 0 && before.All(b => b.KeyId != k.KeyId));
        Assert.True(verified.Valid, verified.Reason);
        Assert.True(verified.SignatureValid);
    }
}

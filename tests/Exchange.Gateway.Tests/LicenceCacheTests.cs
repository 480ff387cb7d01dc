using Exchange.Protos.Catalog.V1;
using Exchange.Protos.Licence.V1;
using Exchange.Testing;
using Grpc.Core;
using ListIssuerKeysRequest = Exchange.Protos.Catalog.V1.ListIssuerKeysRequest;

namespace Exchange.Gateway.Tests;

/// <summary>
/// The licence cache in a real Redis: hits, misses, negative entries, one issuer call under a stampede, revocation seen
/// by a second gateway instance, and lookups that keep answering while Redis or an issuer is down. On the fault
/// cluster, since it revokes licences and stops processes. Each test uses holders no other test touches.
/// </summary>
[Collection(FaultClusterCollection.Name)]
public sealed class LicenceCacheTests(FaultClusterCollection.Fixture fixture)
{
    private ExchangeCluster Cluster => fixture.Cluster;

    private LicenceService.LicenceServiceClient Client => LicenceCalls.As(Cluster, ExchangeClients.MarketRegulation);

    [Fact]
    public async Task The_first_lookup_misses_and_the_next_is_a_hit()
    {
        var number = await UncachedNumberAsync(2);

        var first = await Client.VerifyAsync(number);
        var second = await Client.VerifyAsync(number);

        Assert.Equal("miss", first.Cache);
        Assert.Equal("hit", second.Cache);
        Assert.True(second.Response.Verification.Valid);
    }

    [Fact]
    public async Task A_holder_without_licences_is_cached_as_such()
    {
        var unknown = SeededPopulation.UnknownCitizenId();

        var first = await Client.ListByHolderAsync(new ListByHolderRequest { HolderId = unknown });
        var second = await Client.ListByHolderAsync(new ListByHolderRequest { HolderId = unknown });

        Assert.Empty(second.Licences);
        Assert.All(first.Issuers, i => Assert.False(i.Cached));
        // Market regulation holds no grant on marriage certificates: civil affairs is not asked at all.
        Assert.All(second.Issuers.Where(i => i.IssuerDepartmentCode != "CIVIL-AFFAIRS"), i => Assert.True(i.Cached, $"{i.IssuerDepartmentCode} was asked again"));
    }

    [Fact]
    public async Task Concurrent_misses_for_one_licence_make_one_issuer_call()
    {
        var number = await UncachedNumberAsync(3);

        // As the issuer: market regulation may not Get a marriage certificate.
        var issuer = LicenceCalls.As(Cluster, ExchangeClients.CivilAffairs);
        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => issuer.GetWithSourceAsync(number)));

        var sources = answers.Select(a => a.Cache).ToList();
        Assert.Equal(1, sources.Count(s => s == "miss"));
        Assert.All(sources, s => Assert.Contains(s, new[] { "miss", "joined", "hit" }));
        Assert.All(answers, a => Assert.Equal(number, a.Response.Licence.LicenceNumber));
    }

    [Fact]
    public async Task A_revocation_is_seen_at_once_by_another_gateway_instance()
    {
        var second = await Cluster.StartGatewayAsync(TestContext.Current.CancellationToken);
        var licence = await MarriageCertificateOfCoupleAsync(4);
        var viaSecond = LicenceCalls.As(Cluster, second, ExchangeClients.MarketRegulation);
        // Both instances have it cached as valid.
        Assert.True((await Client.VerifyAsync(licence.LicenceNumber)).Response.Verification.Valid);
        Assert.True((await viaSecond.VerifyAsync(licence.LicenceNumber)).Response.Verification.Valid);
        Assert.Equal("hit", (await viaSecond.VerifyAsync(licence.LicenceNumber)).Cache);

        await LicenceCalls.As(Cluster, ExchangeClients.CivilAffairs)
            .RevokeAsync(new RevokeRequest { LicenceNumber = licence.LicenceNumber, Reason = "登记机关撤销婚姻登记" });
        var seenBySecond = (await viaSecond.VerifyAsync(licence.LicenceNumber)).Response.Verification;
        var seenByFirst = (await Client.VerifyAsync(licence.LicenceNumber)).Response.Verification;

        Assert.False(seenBySecond.Valid);
        Assert.Equal(VerificationOutcome.Revoked, seenBySecond.Outcome);
        Assert.Contains("登记机关撤销婚姻登记", seenBySecond.Reason);
        Assert.True(seenBySecond.SignatureValid);
        Assert.Equal(VerificationOutcome.Revoked, seenByFirst.Outcome);
        var stillListed = await viaSecond.ListByHolderAsync(new ListByHolderRequest { HolderId = licence.HolderId });
        Assert.DoesNotContain(stillListed.Licences, l => l.LicenceNumber == licence.LicenceNumber);
    }

    [Fact]
    public async Task Lookups_answer_from_the_issuers_while_Redis_is_down_and_the_cache_recovers()
    {
        var licence = await MarriageCertificateOfCoupleAsync(5);
        var redis = Cluster.Redis!;
        try
        {
            redis.Kill();

            var duringOutage = await Client.VerifyAsync(licence.LicenceNumber);

            Assert.True(duringOutage.Response.Verification.Valid);
            Assert.Equal("bypass", duringOutage.Cache);
        }
        finally
        {
            await redis.RestartAsync(TestContext.Current.CancellationToken);
        }

        await Eventually.WithinAsync(TimeSpan.FromSeconds(15),
            async () => (await Client.VerifyAsync(licence.LicenceNumber)).Cache == "hit", "the cache serves hits again after Redis restarted");
    }

    [Fact]
    public async Task An_issuer_that_is_down_makes_the_holder_list_partial_not_failed()
    {
        var (husband, _) = LicenceHolders.MarriedCouples[6];
        var civilAffairs = Cluster.CivilAffairs;
        // Public security at a household move may use marriage certificates and identity cards.
        var counter = new Metadata { { "x-exchange-service-item", "PS-HOUSEHOLD-MOVE-SPOUSE" } };
        ListByHolderResponse partial;
        try
        {
            civilAffairs.Kill();
            partial = await LicenceCalls.As(Cluster, ExchangeClients.PublicSecurity).ListByHolderAsync(new ListByHolderRequest { HolderId = husband }, counter);
        }
        finally
        {
            await civilAffairs.StartAsync(TestContext.Current.CancellationToken);
        }

        Assert.False(partial.Complete);
        var down = Assert.Single(partial.Issuers, i => i.IssuerDepartmentCode == "CIVIL-AFFAIRS");
        Assert.False(down.Answered);
        Assert.Contains("CIVIL-AFFAIRS", down.Problem);
        Assert.True(partial.Issuers.Single(i => i.IssuerDepartmentCode == "PUBLIC-SECURITY").Answered);
        Assert.Contains(partial.Licences, l => l.TypeCode == "RIDC");
        Assert.DoesNotContain(partial.Licences, l => l.TypeCode == "MARC");
    }

    [Fact]
    public async Task A_rotated_issuer_key_is_registered_and_licences_signed_before_the_rotation_still_verify()
    {
        var licence = await MarriageCertificateOfCoupleAsync(7);
        var keys = new IssuerKeyService.IssuerKeyServiceClient(Cluster.Catalog.Channel);
        var civilAffairs = new ListIssuerKeysRequest { DepartmentCode = "CIVIL-AFFAIRS" };
        var before = (await keys.ListIssuerKeysAsync(civilAffairs)).Keys;

        Cluster.CivilAffairs.Kill();
        await Cluster.CivilAffairs.StartAsync(TestContext.Current.CancellationToken, new Dictionary<string, string> { ["Licences:KeyRotation"] = "00:00:01" });
        await Eventually.WithinAsync(TimeSpan.FromSeconds(30),
            async () => (await keys.ListIssuerKeysAsync(civilAffairs)).Keys.Count == before.Count + 1, "the rotated key is registered in the catalog");
        Assert.Equal("+OK", await Cluster.Redis!.CommandAsync("FLUSHALL"));
        var after = (await keys.ListIssuerKeysAsync(civilAffairs)).Keys;
        var verified = (await Client.VerifyAsync(licence.LicenceNumber)).Response.Verification;

        var signingKey = Assert.Single(after, k => k.KeyId == licence.SigningKeyId);
        Assert.NotEqual(string.Empty, signingKey.ValidUntil);
        Assert.Single(after, k => k.ValidUntil.Length == 0 && before.All(b => b.KeyId != k.KeyId));
        Assert.True(verified.Valid, verified.Reason);
        Assert.True(verified.SignatureValid);
    }

    private async Task<Licence> MarriageCertificateOfCoupleAsync(int couple)
    {
        var (husband, _) = LicenceHolders.MarriedCouples[couple];
        // Found as its issuer; the tests then verify it as market regulation, which sees the facts of a presented licence.
        return await LicenceCalls.As(Cluster, ExchangeClients.CivilAffairs).FirstAsync(husband, "MARC")
               ?? throw new InvalidOperationException($"{husband} should hold a marriage certificate");
    }

    /// <summary>A licence's number, with the cache emptied afterwards (FLUSHALL on the real Redis), so the next lookup misses.</summary>
    private async Task<string> UncachedNumberAsync(int couple)
    {
        var number = (await MarriageCertificateOfCoupleAsync(couple)).LicenceNumber;
        Assert.Equal("+OK", await Cluster.Redis!.CommandAsync("FLUSHALL"));
        return number;
    }
}

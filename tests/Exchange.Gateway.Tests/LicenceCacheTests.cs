using Exchange.Protos.Licence.V1;
using Exchange.Testing;

namespace Exchange.Gateway.Tests;

/// <summary>
/// The licence cache in a real Redis: hits, misses, negative entries, one issuer call under a stampede, revocation seen
/// by a second gateway instance, and lookups that keep answering while Redis is down (an issuer down and its rotated
/// key: ProviderOutageTests). On the fault cluster, since it revokes licences and stops processes. Each test uses
/// holders no other test touches.
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
        // The second witnessing instance: its audit log is its own, the licence cache and revocations are the cluster's.
        var second = (await fixture.WitnessingGatewaysAsync())[1];
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

        await Eventually.WithinAsync(TimeSpan.FromSeconds(30),
            async () => (await Client.VerifyAsync(licence.LicenceNumber)).Cache == "hit", "the cache serves hits again after Redis restarted");
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

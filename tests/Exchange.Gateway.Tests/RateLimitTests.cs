using Exchange.Protos.PublicSecurity.V1;
using Exchange.Testing;
using Grpc.Core;

namespace Exchange.Gateway.Tests;

public sealed class TightRateLimitFixture : ClusterFixture
{
    protected override ExchangeClusterOptions Options => new()
    {
        GatewaySettings = new Dictionary<string, string>
        {
            ["RateLimits:PermitsPerSecond"] = "5",
            ["RateLimits:Burst"] = "5",
        },
    };
}

/// <summary>Each consumer has its own rate limit; going over it gets RESOURCE_EXHAUSTED with a retry-after, and nobody else suffers.</summary>
public sealed class RateLimitTests(TightRateLimitFixture fixture, ITestOutputHelper output) : IClassFixture<TightRateLimitFixture>
{
    private static readonly VerifyIdentityRequest Identity = new()
    {
        CitizenId = SeededPopulation.Default.Residents[0].CitizenId,
        Name = SeededPopulation.Default.Residents[0].Name,
    };

    [Fact]
    public async Task Consumer_over_its_limit_is_told_when_to_retry_and_others_are_unaffected()
    {
        var greedy = new PopulationService.PopulationServiceClient(fixture.Cluster.GatewayCallsAs(ExchangeClients.CivilAffairs));
        var other = new PopulationService.PopulationServiceClient(fixture.Cluster.GatewayCallsAs(ExchangeClients.MarketRegulation));
        await greedy.VerifyIdentityAsync(Identity);

        var results = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => Outcome(greedy)));
        var exhausted = results.OfType<RpcException>().Where(r => r.StatusCode == StatusCode.ResourceExhausted).ToList();
        output.WriteLine($"30 calls at once: {results.Count(r => r is null)} succeeded, {exhausted.Count} RESOURCE_EXHAUSTED");

        Assert.NotEmpty(exhausted);
        Assert.True(exhausted.Count <= 30 - 4, "the burst should let at least a few calls through");
        Assert.All(results, r => Assert.True(r is null || r.StatusCode == StatusCode.ResourceExhausted, r?.Status.ToString()));
        var retryAfter = exhausted[0].Trailers.GetValue("retry-after");
        Assert.NotNull(retryAfter);
        Assert.True(int.Parse(retryAfter) >= 1);
        Assert.Contains("retry", exhausted[0].Status.Detail, StringComparison.OrdinalIgnoreCase);

        await other.VerifyIdentityAsync(Identity);

        await Task.Delay(TimeSpan.FromSeconds(int.Parse(retryAfter) + 0.5));
        await greedy.VerifyIdentityAsync(Identity);
    }

    private static async Task<RpcException?> Outcome(PopulationService.PopulationServiceClient client)
    {
        try
        {
            await client.VerifyIdentityAsync(Identity);
            return null;
        }
        catch (RpcException ex)
        {
            return ex;
        }
    }
}

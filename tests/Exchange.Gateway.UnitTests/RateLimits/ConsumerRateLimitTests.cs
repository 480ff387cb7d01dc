using Exchange.Gateway.UnitTests.InProcess;
using Exchange.Protos.PublicSecurity.V1;
using Exchange.Testing;
using Grpc.Core;

namespace Exchange.Gateway.UnitTests.RateLimits;

/// <summary>A gateway in process with a tight per-consumer limit (5 per second, burst 5), on its in-memory buckets (no Redis).</summary>
public sealed class TightRateLimitHost : GatewayHost
{
    protected override IReadOnlyDictionary<string, string> ExtraSettings => new Dictionary<string, string>
    {
        ["RateLimits:PermitsPerSecond"] = "5",
        ["RateLimits:Burst"] = "5",
    };
}

/// <summary>Each consumer has its own rate limit; going over it gets RESOURCE_EXHAUSTED with a retry-after, and nobody else suffers.</summary>
public sealed class ConsumerRateLimitTests(TightRateLimitHost host) : IClassFixture<TightRateLimitHost>
{
    private static readonly VerifyIdentityRequest Identity = new() { CitizenId = "11010519491231002X", Name = "张伟" };

    [Fact]
    public async Task Consumer_over_its_limit_is_told_when_to_retry_and_others_are_unaffected()
    {
        var greedy = new PopulationService.PopulationServiceClient(host.CallsAs("CIVIL-AFFAIRS"));
        var other = new PopulationService.PopulationServiceClient(host.CallsAs("PUBLIC-SECURITY"));
        await greedy.VerifyIdentityAsync(Identity);

        var results = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => Outcome(greedy)));
        var exhausted = results.OfType<RpcException>().Where(r => r.StatusCode == StatusCode.ResourceExhausted).ToList();

        Assert.NotEmpty(exhausted);
        Assert.All(results, r => Assert.True(r is null || r.StatusCode == StatusCode.ResourceExhausted, r?.Status.ToString()));
        var retryAfter = exhausted[0].Trailers.GetValue("retry-after");
        Assert.NotNull(retryAfter);
        Assert.True(int.Parse(retryAfter) >= 1);
        Assert.Contains("retry", exhausted[0].Status.Detail, StringComparison.OrdinalIgnoreCase);

        await other.VerifyIdentityAsync(Identity);

        // The bucket refills at its rate; poll for it with a generous bound instead of sleeping the retry-after.
        await Eventually.WithinAsync(TimeSpan.FromSeconds(60), async () => await Outcome(greedy) is null, "the consumer's bucket refills");
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

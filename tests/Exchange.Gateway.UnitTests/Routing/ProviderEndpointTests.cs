using Exchange.Gateway.UnitTests.InProcess;
using Exchange.Protos.MarketRegulation.V1;
using Exchange.Protos.PublicSecurity.V1;
using Exchange.Testing;

namespace Exchange.Gateway.UnitTests.Routing;

/// <summary>
/// Every published method shares one proxy route; each call must still reach the endpoint its own resource names
/// (the in-process host publishes population at https://public-security.test and enterprises at https://market-regulation.test).
/// </summary>
public sealed class ProviderEndpointTests(GatewayHost host) : IClassFixture<GatewayHost>
{
    private static readonly string CreditCode = IdentifierVectors.Valid(IdentifierVectors.CreditCode).First();

    [Fact]
    public async Task Each_call_reaches_the_endpoint_of_its_methods_resource()
    {
        var invoker = host.CallsAs("CIVIL-AFFAIRS");
        var population = new PopulationService.PopulationServiceClient(invoker);
        var enterprises = new EnterpriseService.EnterpriseServiceClient(invoker);
        host.Provider.Reached.Clear();

        // Alternated and repeated, so that a call offered to any provider endpoint would reach the wrong one in some of them.
        for (var i = 0; i < 10; i++)
        {
            await population.VerifyIdentityAsync(new VerifyIdentityRequest { CitizenId = "11010519491231002X", Name = "张伟" });
            await enterprises.GetEnterpriseAsync(new GetEnterpriseRequest { CreditCode = CreditCode });
        }

        var reached = host.Provider.Reached.ToArray();
        Assert.Equal(20, reached.Length);
        Assert.All(reached, call => Assert.Equal(
            call.Method.StartsWith("/exchange.publicsecurity.", StringComparison.Ordinal) ? "public-security.test" : "market-regulation.test",
            call.Host));
    }
}

using Exchange.Protos.Context.V1;
using Exchange.Testing;
using Grpc.Core;

namespace Exchange.Gateway.Tests;

/// <summary>Who gets which exchange-context keys from the catalog: the gateway every provider's, a department only its own.</summary>
[Collection(SharedClusterCollection.Name)]
public sealed class ContextKeyDistributionTests(RecordedClusterFixture fixture)
{
    private ContextKeyService.ContextKeyServiceClient As(string client) => new(fixture.Cluster.CatalogCallsAs(client));

    [Fact]
    public async Task The_gateway_gets_a_current_key_of_every_provider()
    {
        var keys = await As(ExchangeClients.Gateway).ListContextKeysAsync(new ListContextKeysRequest());

        var current = keys.Keys.Where(k => k.Current).Select(k => k.DepartmentCode).ToList();
        Assert.Contains("PUBLIC-SECURITY", current);
        Assert.Contains("MARKET-REGULATION", current);
        Assert.Contains("CIVIL-AFFAIRS", current);
        Assert.All(keys.Keys, k => Assert.Equal(32, k.Key.Length));
    }

    [Fact]
    public async Task A_department_gets_only_its_own_key()
    {
        var own = await As(ExchangeClients.PublicSecurity).ListContextKeysAsync(new ListContextKeysRequest());
        var other = await Assert.ThrowsAsync<RpcException>(() =>
            As(ExchangeClients.PublicSecurity).ListContextKeysAsync(new ListContextKeysRequest { DepartmentCode = "CIVIL-AFFAIRS" }).ResponseAsync);

        Assert.All(own.Keys, k => Assert.Equal("PUBLIC-SECURITY", k.DepartmentCode));
        Assert.NotEmpty(own.Keys);
        Assert.Equal(StatusCode.PermissionDenied, other.StatusCode);
    }

    [Fact]
    public async Task Neither_an_administrator_nor_an_anonymous_caller_gets_keys()
    {
        var admin = await Assert.ThrowsAsync<RpcException>(() => As(ExchangeClients.CatalogAdmin).ListContextKeysAsync(new ListContextKeysRequest()).ResponseAsync);
        var anonymous = await Assert.ThrowsAsync<RpcException>(() =>
            new ContextKeyService.ContextKeyServiceClient(fixture.Cluster.Catalog.Channel).ListContextKeysAsync(new ListContextKeysRequest()).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, admin.StatusCode);
        Assert.Equal(StatusCode.Unauthenticated, anonymous.StatusCode);
    }
}

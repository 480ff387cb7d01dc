using Exchange.Testing;
using Grpc.Core;

namespace Exchange.Gateway.Tests;

/// <summary>
/// Consumer × resource × share type × grant state, against the seeded catalog: unconditional resources are open to
/// every department, conditional ones need an approved grant (pending is not enough), the provider may always
/// call its own.
/// </summary>
[Collection(SharedClusterCollection.Name)]
public sealed class GrantMatrixTests(ClusterFixture fixture)
{
    public static TheoryData<string, string, string, string, StatusCode> SeededMatrix => new()
    {
        { ExchangeClients.PublicSecurity, "PS-RESIDENT-BASIC", "conditional", "provider", StatusCode.OK },
        { ExchangeClients.CivilAffairs, "PS-RESIDENT-BASIC", "conditional", "approved", StatusCode.OK },
        { ExchangeClients.MarketRegulation, "PS-RESIDENT-BASIC", "conditional", "approved", StatusCode.OK },
        { ExchangeClients.CivilAffairs, "CA-MARRIAGE-RECORDS", "conditional", "provider", StatusCode.OK },
        { ExchangeClients.PublicSecurity, "CA-MARRIAGE-RECORDS", "conditional", "pending", StatusCode.PermissionDenied },
        { ExchangeClients.MarketRegulation, "CA-MARRIAGE-RECORDS", "conditional", "none", StatusCode.PermissionDenied },
        { ExchangeClients.MarketRegulation, "MR-CREDIT-STATUS", "conditional", "provider", StatusCode.OK },
        { ExchangeClients.CivilAffairs, "MR-CREDIT-STATUS", "conditional", "none", StatusCode.PermissionDenied },
        { ExchangeClients.PublicSecurity, "MR-CREDIT-STATUS", "conditional", "none", StatusCode.PermissionDenied },
        { ExchangeClients.PublicSecurity, "PS-IDENTITY-CHECK", "unconditional", "provider", StatusCode.OK },
        { ExchangeClients.MarketRegulation, "PS-IDENTITY-CHECK", "unconditional", "none", StatusCode.OK },
        { ExchangeClients.CivilAffairs, "PS-IDENTITY-CHECK", "unconditional", "none", StatusCode.OK },
        { ExchangeClients.PublicSecurity, "MR-ENTERPRISE-BASIC", "unconditional", "none", StatusCode.OK },
        { ExchangeClients.CivilAffairs, "MR-ENTERPRISE-BASIC", "unconditional", "none", StatusCode.OK },
        { ExchangeClients.PublicSecurity, "CA-SOCIAL-ORGANIZATION", "unconditional", "none", StatusCode.OK },
        { ExchangeClients.MarketRegulation, "CA-SOCIAL-ORGANIZATION", "unconditional", "none", StatusCode.OK },
    };

    [Theory]
    [MemberData(nameof(SeededMatrix))]
    public async Task Seeded_grants_decide_who_may_call(string consumer, string resource, string shareType, string grantState, StatusCode expected)
    {
        var status = await GrpcStatus.OfAsync(() => ResourceCalls.Call(fixture.Cluster, consumer, resource));

        Assert.True(expected == status, $"{consumer} calling {resource} ({shareType}, grant {grantState}): expected {expected}, got {status}");
    }

    [Fact]
    public async Task Denial_names_the_missing_grant_and_what_to_do()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => ResourceCalls.Call(fixture.Cluster, ExchangeClients.MarketRegulation, "CA-MARRIAGE-RECORDS"));

        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
        Assert.Contains("MARKET-REGULATION", ex.Status.Detail);
        Assert.Contains("CA-MARRIAGE-RECORDS", ex.Status.Detail);
    }
}

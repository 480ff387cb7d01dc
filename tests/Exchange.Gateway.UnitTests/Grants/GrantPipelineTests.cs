using Exchange.Gateway.UnitTests.InProcess;
using Exchange.Protos.PublicSecurity.V1;
using Grpc.Core;

namespace Exchange.Gateway.UnitTests.Grants;

/// <summary>
/// The grant step of the call pipeline, in process: a conditional resource reaches its provider only for a department
/// with a current grant; anyone else hears PERMISSION_DENIED naming the resource, and the provider never sees the call.
/// </summary>
public sealed class GrantPipelineTests(GatewayHost host) : IClassFixture<GatewayHost>
{
    private static readonly VerifyIdentityRequest Identity = new() { CitizenId = "11010519491231002X", Name = "张伟" };

    [Fact]
    public async Task Department_with_a_grant_reaches_the_provider_with_a_bound_context()
    {
        var before = host.Provider.Received.Count;

        var reply = await new PopulationService.PopulationServiceClient(host.CallsAs("CIVIL-AFFAIRS")).VerifyIdentityAsync(Identity);

        Assert.True(reply.Match);
        Assert.Equal(before + 1, host.Provider.Received.Count);
        var headers = host.Provider.Received.Last();
        Assert.Contains(headers, h => h.Key.StartsWith("x-exchange-context", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("MARKET-REGULATION")]
    [InlineData("HUMAN-RESOURCES")]
    public async Task Department_without_a_grant_is_denied_before_the_provider(string department)
    {
        var before = host.Provider.Received.Count;

        var ex = await Assert.ThrowsAsync<RpcException>(() =>
            new PopulationService.PopulationServiceClient(host.CallsAs(department)).VerifyIdentityAsync(Identity).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
        Assert.Contains(GatewayHost.PopulationResource, ex.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(before, host.Provider.Received.Count);
    }
}

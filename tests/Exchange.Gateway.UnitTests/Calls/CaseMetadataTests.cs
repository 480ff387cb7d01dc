using Exchange.ExchangeContext;
using Exchange.Gateway.UnitTests.InProcess;
using Exchange.Protos.PublicSecurity.V1;
using Grpc.Core;

namespace Exchange.Gateway.UnitTests.Calls;

/// <summary>Every call through the gateway names the case (办件编号) and purpose it needs the data for; without them it stops at the gateway.</summary>
public sealed class CaseMetadataTests(GatewayHost host) : IClassFixture<GatewayHost>
{
    private static readonly VerifyIdentityRequest Identity = new() { CitizenId = "11010519491231002X", Name = "张伟" };

    [Fact]
    public async Task Call_without_a_case_number_is_refused_naming_the_metadata()
    {
        var headers = new Metadata
        {
            { "authorization", "Bearer " + host.Token(GatewayHost.ClientOf("CIVIL-AFFAIRS"), "CIVIL-AFFAIRS") },
            { ExchangeMetadata.Purpose, ExchangeMetadata.PercentEncode("测试") },
        };
        var before = host.Provider.Received.Count;

        var ex = await Assert.ThrowsAsync<RpcException>(() =>
            new PopulationService.PopulationServiceClient(host.Channel()).VerifyIdentityAsync(Identity, headers).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Contains(ExchangeMetadata.CaseNumber, ex.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(before, host.Provider.Received.Count);
    }
}

using Exchange.ExchangeContext;
using Exchange.Gateway.UnitTests.InProcess;
using Exchange.Protos.PublicSecurity.V1;

namespace Exchange.Gateway.UnitTests.Objections;

/// <summary>
/// The objection flag (x-exchange-objections) is the gateway's word, never the provider's: a provider that sends its own
/// header or trailer, to flag data nobody objected to or to pass off a forged flag, has it dropped (in process, the real pipeline).
/// </summary>
public sealed class ObjectionTrailerTests(GatewayHost host) : IClassFixture<GatewayHost>
{
    [Fact]
    public async Task A_provider_cannot_forge_the_objection_flag_in_a_header_or_a_trailer()
    {
        host.Provider.ForgedObjectionFlag = "name,citizen_id";
        var client = new PopulationService.PopulationServiceClient(host.CallsAs("CIVIL-AFFAIRS"));

        using var call = client.VerifyIdentityAsync(new VerifyIdentityRequest { CitizenId = "11010519491231002X", Name = "张伟" });
        var answer = await call.ResponseAsync;
        var headers = await call.ResponseHeadersAsync;

        Assert.True(answer.Match);
        Assert.NotEmpty(host.Provider.Received);
        Assert.Null(headers.GetValue(ExchangeMetadata.Objections));
        Assert.Null(call.GetTrailers().GetValue(ExchangeMetadata.Objections));
    }
}

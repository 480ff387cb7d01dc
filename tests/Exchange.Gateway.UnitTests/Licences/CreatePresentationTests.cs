using Exchange.Gateway.UnitTests.InProcess;
using Exchange.Protos.Licence.V1;
using Grpc.Core;

namespace Exchange.Gateway.UnitTests.Licences;

/// <summary>Presentation codes are the holder's consent: the real gateway pipeline (in process) refuses a department that asks for one.</summary>
public sealed class CreatePresentationTests(GatewayHost host) : IClassFixture<GatewayHost>
{
    [Fact]
    public async Task A_department_cannot_make_a_presentation_code_for_a_holder()
    {
        var licences = new LicenceService.LicenceServiceClient(host.CallsAs("CIVIL-AFFAIRS"));

        var refused = await Assert.ThrowsAsync<RpcException>(() => licences.CreatePresentationAsync(new CreatePresentationRequest
        {
            LicenceNumber = "MARC11110000000015003U000000011",
            DataItems = { "name" },
        }).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        Assert.Contains("holder", refused.Status.Detail, StringComparison.Ordinal);
    }
}

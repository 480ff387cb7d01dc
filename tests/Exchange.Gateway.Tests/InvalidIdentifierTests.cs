using Exchange.Testing;
using Google.Rpc;
using Grpc.Core;

namespace Exchange.Gateway.Tests;

/// <summary>Bad identifiers sent through the gateway come back as INVALID_ARGUMENT naming the field and the reason.</summary>
[Collection(SharedClusterCollection.Name)]
public sealed class InvalidIdentifierTests(RecordedClusterFixture fixture)
{
    [Theory]
    [MemberData(nameof(IdentifierCalls.InvalidCitizenIdCases), MemberType = typeof(IdentifierCalls))]
    public async Task Invalid_citizen_id_is_rejected_with_the_reason(string method, string value, string reason)
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => IdentifierCalls.ByCitizenId[method](fixture.Cluster, value));

        AssertNamesField(ex, "citizen_id", reason);
    }

    [Theory]
    [MemberData(nameof(IdentifierCalls.InvalidCreditCodeCases), MemberType = typeof(IdentifierCalls))]
    public async Task Invalid_credit_code_is_rejected_with_the_reason(string method, string value, string reason)
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => IdentifierCalls.ByCreditCode[method](fixture.Cluster, value));

        AssertNamesField(ex, "credit_code", reason);
    }

    private static void AssertNamesField(RpcException ex, string field, string vectorReason)
    {
        Assert.True(ex.StatusCode == StatusCode.InvalidArgument, $"Expected INVALID_ARGUMENT for a vector that is invalid because: {vectorReason}; got {ex.Status}");
        Assert.StartsWith(field + " ", ex.Status.Detail);
        var badRequest = ex.GetRpcStatus()?.GetDetail<BadRequest>();
        Assert.NotNull(badRequest);
        var violation = Assert.Single(badRequest.FieldViolations);
        Assert.Equal(field, violation.Field);
        Assert.False(string.IsNullOrWhiteSpace(violation.Description));
    }
}

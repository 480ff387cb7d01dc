using System.Security.Cryptography;
using Exchange.ExchangeContext;
using Exchange.Protos.PublicSecurity.V1;
using Exchange.Testing;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Exchange.Gateway.Tests;

/// <summary>Calling an adapter directly does not bypass the gateway: without a context the gateway issued and MACed with the provider's key, the adapter refuses.</summary>
[Collection(SharedClusterCollection.Name)]
public sealed class DirectAdapterCallTests(RecordedClusterFixture fixture)
{
    private static readonly GetResidentRequest Request = new() { CitizenId = SeededPopulation.Default.Residents[0].CitizenId };

    private PopulationService.PopulationServiceClient Adapter => new(fixture.Cluster.PublicSecurity.Channel);

    [Fact]
    public async Task Call_without_exchange_context_is_refused()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => Adapter.GetResidentAsync(Request).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
        Assert.Contains("gateway", ex.Status.Detail, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Context_sealed_with_a_key_the_catalog_did_not_issue_is_refused()
    {
        var key = new ContextKey("PUBLIC-SECURITY", "PUBLIC-SECURITY.forged", RandomNumberGenerator.GetBytes(ContextKey.Length), Current: true, ExpireTime: null);
        var forged = ExchangeContextMac.Seal(new Exchange.Protos.Context.V1.ExchangeContext
        {
            RequestId = Guid.NewGuid().ToString("N"),
            ConsumerDepartmentCode = "CIVIL-AFFAIRS",
            ProviderDepartmentCode = "PUBLIC-SECURITY",
            ResourceCode = "PS-RESIDENT-BASIC",
            Method = "/exchange.publicsecurity.v1.PopulationService/GetResident",
            DataItems = { "citizen_id", "name", "registered_address" },
            CaseNumber = "FORGED-1",
            Purpose = "forged",
            IssueTime = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow),
            ExpireTime = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddMinutes(1)),
            SubjectIds = { Request.CitizenId },
            RequestDigest = ByteString.CopyFrom(RequestDigest.Of(Request.ToByteArray())),
            OneTimeId = ByteString.CopyFrom(RandomNumberGenerator.GetBytes(16)),
        }, key);

        var ex = await Assert.ThrowsAsync<RpcException>(() =>
            Adapter.GetResidentAsync(Request, new Metadata { { ExchangeMetadata.Context, forged } }).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
        Assert.Contains("no context key of PUBLIC-SECURITY", ex.Status.Detail);
    }

    [Fact]
    public async Task Health_stays_open_to_probes()
    {
        var health = new Grpc.Health.V1.Health.HealthClient(fixture.Cluster.PublicSecurity.Channel);

        var reply = await health.CheckAsync(new Grpc.Health.V1.HealthCheckRequest());

        Assert.Equal(Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.Serving, reply.Status);
    }
}

using Exchange.ExchangeContext;
using Exchange.Protos.MarketRegulation.V1;
using Exchange.Protos.PublicSecurity.V1;
using Exchange.Testing;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Exchange.Gateway.Tests;

/// <summary>
/// An exchange cluster whose gateway reaches public security through a <see cref="RecordingProxy"/>, so tests hold
/// genuine contexts the gateway issued, as someone on the gateway→adapter hop would.
/// </summary>
public sealed class RecordedClusterFixture : ClusterFixture, IAsyncLifetime
{
    public RecordingProxy Proxy { get; private set; } = null!;

    protected override ExchangeClusterOptions Options => new()
    {
        CatalogSettings = new Dictionary<string, string> { ["Catalog:Seed:Endpoints:PUBLIC-SECURITY"] = Proxy.Address.ToString().TrimEnd('/') },
    };

    public new async ValueTask InitializeAsync()
    {
        Proxy = await RecordingProxy.StartAsync();
        await base.InitializeAsync();
        Proxy.Upstream = Cluster.PublicSecurity.Address;
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Proxy.DisposeAsync();
    }
}

/// <summary>
/// A context captured between gateway and adapter is worth nothing: it is good for one call, for exactly the request
/// message and subject it was issued for, for its method and its provider. Replays are refused before the adapter
/// parses the request, so they are neither served nor (not having passed the gateway) missing from the audit log.
/// </summary>
[Collection(SharedClusterCollection.Name)]
public sealed class ContextReplayTests(RecordedClusterFixture fixture)
{
    private const string Population = "exchange.publicsecurity.v1.PopulationService";
    private static readonly string Holder = SeededPopulation.Default.Residents[0].CitizenId;
    private static readonly string OtherHolder = SeededPopulation.Default.Residents[1].CitizenId;

    private ExchangeCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task A_captured_context_replayed_with_the_same_request_is_refused_as_used()
    {
        var captured = await CaptureGetResidentAsync(Holder);

        var refused = await ReplayAsync(Cluster.PublicSecurity, "GetResident", captured.Context, captured.Body);

        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
        Assert.Contains("used before", refused.Detail);
    }

    [Fact]
    public async Task A_captured_context_replayed_for_another_subject_is_refused()
    {
        var captured = await CaptureGetResidentAsync(Holder);

        var refused = await ReplayAsync(Cluster.PublicSecurity, "GetResident", captured.Context,
            Frame(new GetResidentRequest { CitizenId = OtherHolder }));

        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
        Assert.Contains("another request message", refused.Detail);
    }

    [Fact]
    public async Task A_captured_context_replayed_with_another_request_message_is_refused()
    {
        var captured = await CaptureGetResidentAsync(Holder);
        // Same person, wider answer asked for.
        var wider = new GetResidentRequest { CitizenId = Holder, ReadMask = new FieldMask { Paths = { "registered_address" } } };

        var refused = await ReplayAsync(Cluster.PublicSecurity, "GetResident", captured.Context, Frame(wider));

        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
        Assert.Contains("another request message", refused.Detail);
    }

    [Fact]
    public async Task A_captured_context_used_for_another_method_is_refused()
    {
        var captured = await CaptureGetResidentAsync(Holder);

        var refused = await ReplayAsync(Cluster.PublicSecurity, "VerifyIdentity", captured.Context,
            Frame(new VerifyIdentityRequest { CitizenId = Holder, Name = "郭建平" }));

        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
        Assert.Contains("GetResident", refused.Detail);
    }

    [Fact]
    public async Task A_captured_context_sent_to_another_provider_is_refused()
    {
        var captured = await CaptureGetResidentAsync(Holder);

        var refused = await ReplayAsync(Cluster.MarketRegulation, "exchange.marketregulation.v1.EnterpriseService", "GetEnterprise", captured.Context,
            Frame(new GetEnterpriseRequest { CreditCode = "91330106MALC7YCP9L" }));

        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
        Assert.Contains("no context key of MARKET-REGULATION", refused.Detail);
    }

    [Fact]
    public async Task The_context_names_the_subject_and_request_digest_and_a_one_time_id()
    {
        var captured = await CaptureGetResidentAsync(Holder);

        var context = Exchange.Protos.Context.V1.ExchangeContext.Parser.ParseFrom(
            Exchange.Protos.Context.V1.SignedExchangeContext.Parser.ParseFrom(Convert.FromBase64String(captured.Context)).Context);

        Assert.Equal([Holder], context.SubjectIds);
        Assert.Equal(RequestDigest.Of(captured.Body.AsSpan(5)), context.RequestDigest.ToByteArray());
        Assert.Equal(16, context.OneTimeId.Length);
    }

    /// <summary>A genuine call through the gateway, served, and the context the gateway sent with it.</summary>
    private async Task<RecordedCall> CaptureGetResidentAsync(string holder)
    {
        fixture.Proxy.Calls.Clear();
        var client = new PopulationService.PopulationServiceClient(Cluster.GatewayCallsAs(ExchangeClients.CivilAffairs));

        var response = await client.GetResidentAsync(new GetResidentRequest { CitizenId = holder }, deadline: DateTime.UtcNow.AddSeconds(15));

        Assert.False(string.IsNullOrEmpty(response.Resident.Name), "the genuine call was not served");
        return Assert.Single(fixture.Proxy.Calls, c => c.Path.EndsWith("/GetResident", StringComparison.Ordinal));
    }

    private static Task<Status> ReplayAsync(ServiceProcess adapter, string method, string context, byte[] frame) =>
        ReplayAsync(adapter, Population, method, context, frame);

    /// <summary>Sends the frame straight to the adapter with the captured context; the status it answers, which must not be OK.</summary>
    private static async Task<Status> ReplayAsync(ServiceProcess adapter, string service, string method, string context, byte[] frame)
    {
        var headers = new Metadata { { ExchangeMetadata.Context, Convert.FromBase64String(context) } };
        var invoker = adapter.Channel.CreateCallInvoker();
        var descriptor = new Method<byte[], byte[]>(MethodType.Unary, service, method, Bytes, Bytes);
        var ex = await Assert.ThrowsAsync<RpcException>(() =>
            invoker.AsyncUnaryCall(descriptor, null, new CallOptions(headers, DateTime.UtcNow.AddSeconds(10)), frame.AsSpan(5).ToArray()).ResponseAsync);
        return ex.Status;
    }

    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(b => b, b => b);

    private static byte[] Frame(IMessage message)
    {
        var bytes = message.ToByteArray();
        var frame = new byte[5 + bytes.Length];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)bytes.Length);
        bytes.CopyTo(frame.AsSpan(5));
        return frame;
    }
}

using System.Diagnostics;
using System.Net;
using Exchange.Protos.PublicSecurity.V1;
using Exchange.Testing;
using Google.Protobuf;

namespace Exchange.Resilience.Tests;

/// <summary>What no gRPC library sends, sent to the gateway by hand: each gets a gRPC status, never a 5xx, and the gateway keeps serving.</summary>
[Collection(FaultCollection.Name)]
public sealed class HostileInputTests(FaultClusterFixture fixture) : IDisposable
{
    private const string GetResident = "/exchange.publicsecurity.v1.PopulationService/GetResident";

    private readonly RawGrpcHttp _raw = new(fixture.Cluster.Gateway.Address, () => fixture.Cluster.Tokens(ExchangeClients.CivilAffairs).GetTokenAsync().AsTask());

    private ExchangeCluster Cluster => fixture.Cluster;

    private static byte[] ValidRequest => new GetResidentRequest { CitizenId = Subjects.Residents[0] }.ToByteArray();

    [Fact]
    public async Task A_frame_shorter_than_its_declared_length_is_refused_with_a_status()
    {
        var answer = await _raw.SendAsync(GetResident, new ByteArrayContent(RawGrpcHttp.Frame(ValidRequest, declaredLength: 100)));

        await AssertRefusedAndStillServingAsync(answer);
    }

    [Fact]
    public async Task Garbage_that_is_not_protobuf_is_refused_with_a_status()
    {
        var answer = await _raw.SendAsync(GetResident, new ByteArrayContent(RawGrpcHttp.Frame(Enumerable.Repeat((byte)0xFF, 32).ToArray())));

        await AssertRefusedAndStillServingAsync(answer);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(0xFF)]
    public async Task A_frame_whose_compressed_flag_is_neither_0_nor_1_is_invalid_argument_through_the_gateway(byte flag)
    {
        var frame = RawGrpcHttp.Frame(ValidRequest);
        frame[0] = flag;
        using var gatewayLog = Cluster.Gateway.CaptureLog();
        using var adapterLog = Cluster.PublicSecurity.CaptureLog();

        var answer = await _raw.SendAsync(GetResident, new ByteArrayContent(frame));

        await AssertRefusedAndStillServingAsync(answer);
        Assert.Equal(3, answer.GrpcStatus);
        Assert.Contains("compressed flag", answer.GrpcMessage, StringComparison.Ordinal);
        AssertNoStackTrace(Cluster.Gateway, gatewayLog);
        AssertNoStackTrace(Cluster.PublicSecurity, adapterLog);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(0x80)]
    public async Task A_frame_whose_compressed_flag_is_neither_0_nor_1_is_invalid_argument_at_the_adapter(byte flag)
    {
        // Past the adapter's mutual TLS (the gateway's certificate): the frame is still refused before anything parses it.
        using var direct = new RawGrpcHttp(Cluster.PublicSecurity.Address, () => Task.FromResult("not-a-token"), presentGatewayCertificate: true);
        var frame = RawGrpcHttp.Frame(ValidRequest);
        frame[0] = flag;
        using var adapterLog = Cluster.PublicSecurity.CaptureLog();

        var answer = await direct.SendAsync(GetResident, new ByteArrayContent(frame));

        TestContext.Current.TestOutputHelper?.WriteLine(answer.ToString());
        Assert.Equal(HttpStatusCode.OK, answer.HttpStatus);
        Assert.Equal(3, answer.GrpcStatus);
        Assert.Contains("compressed flag", answer.GrpcMessage, StringComparison.Ordinal);
        AssertNoStackTrace(Cluster.PublicSecurity, adapterLog);
    }

    [Fact]
    public async Task A_message_over_the_size_limit_is_resource_exhausted()
    {
        var oversized = new GetResidentRequest { CitizenId = new string('1', 2 * 1024 * 1024) }.ToByteArray();

        var answer = await _raw.SendAsync(GetResident, new ByteArrayContent(RawGrpcHttp.Frame(oversized)));

        await AssertRefusedAndStillServingAsync(answer);
        Assert.Equal(8, answer.GrpcStatus);
    }

    [Fact]
    public async Task Huge_metadata_is_refused_without_a_server_error()
    {
        RawAnswer? answer = null;
        Exception? refused = null;
        try
        {
            answer = await _raw.SendAsync(GetResident, new ByteArrayContent(RawGrpcHttp.Frame(ValidRequest)),
                [KeyValuePair.Create("x-padding", new string('x', 200_000))]);
        }
        catch (HttpRequestException ex)
        {
            // Kestrel refuses headers over its limit at the HTTP/2 level (the connection, not a response).
            refused = ex;
        }

        TestContext.Current.TestOutputHelper?.WriteLine(answer?.ToString() ?? $"refused: {refused!.Message}");
        if (answer is not null)
        {
            Assert.True((int)answer.HttpStatus < 500, answer.ToString());
            Assert.NotEqual(0, answer.GrpcStatus ?? -1);
        }
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task A_client_that_stops_sending_mid_message_is_cut_off_at_its_deadline_and_others_are_served()
    {
        using var stalled = new StalledContent(RawGrpcHttp.Frame(ValidRequest)[..8]);
        var watch = Stopwatch.StartNew();
        var slow = _raw.SendAsync(GetResident, stalled, [KeyValuePair.Create("grpc-timeout", "2S")]);

        await AssertStillServingAsync();
        var answer = await slow.WaitAsync(TimeSpan.FromSeconds(30));

        TestContext.Current.TestOutputHelper?.WriteLine($"{answer} after {watch.Elapsed.TotalSeconds:F1} s");
        Assert.Equal(4, answer.GrpcStatus);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"the stalled call held on for {watch.Elapsed.TotalSeconds:F0} s past its 2 s deadline");
        await AssertStillServingAsync();
    }

    private async Task AssertRefusedAndStillServingAsync(RawAnswer answer)
    {
        TestContext.Current.TestOutputHelper?.WriteLine(answer.ToString());
        Assert.Equal(HttpStatusCode.OK, answer.HttpStatus);
        Assert.NotNull(answer.GrpcStatus);
        Assert.NotEqual(0, answer.GrpcStatus);
        Assert.NotEqual(2, answer.GrpcStatus);
        Assert.False(string.IsNullOrWhiteSpace(answer.GrpcMessage), "the status says nothing a person could act on");
        await AssertStillServingAsync();
    }

    /// <summary>Nothing the service logged while the frame was handled is a stack trace (the tail would also hold other tests' lines).</summary>
    private static void AssertNoStackTrace(ServiceProcess process, ConsoleLog.Capture log)
    {
        var logged = string.Join(Environment.NewLine, log.Lines);
        Assert.False(logged.Contains("Error when executing service method", StringComparison.Ordinal)
                     || logged.Contains("Unhandled exception", StringComparison.Ordinal)
                     || logged.Contains("   at ", StringComparison.Ordinal),
            $"{process.Service} logged a stack trace:{Environment.NewLine}{logged}");
    }

    private async Task AssertStillServingAsync()
    {
        Assert.True(Cluster.Gateway.IsRunning, "the gateway process died");
        var residents = new PopulationService.PopulationServiceClient(Cluster.GatewayCallsAs(ExchangeClients.CivilAffairs));
        var resident = await residents.GetResidentAsync(new GetResidentRequest { CitizenId = Subjects.Residents[1] }, deadline: DateTime.UtcNow.AddSeconds(10));
        Assert.False(string.IsNullOrEmpty(resident.Resident.Name), "a normal call got no resident");
    }

    public void Dispose() => _raw.Dispose();

    /// <summary>A request body that sends its first bytes and then nothing, like a client that hung.</summary>
    private sealed class StalledContent(byte[] start) : HttpContent
    {
        private readonly CancellationTokenSource _hang = new(TimeSpan.FromSeconds(40));

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(start);
            await stream.FlushAsync();
            try
            {
                await Task.Delay(Timeout.Infinite, _hang.Token);
            }
            catch (OperationCanceledException)
            {
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                _hang.Dispose();
            base.Dispose(disposing);
        }
    }
}

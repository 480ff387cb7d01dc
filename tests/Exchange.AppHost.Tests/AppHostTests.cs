using System.Net;
using System.Net.Sockets;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Exchange.Client;
using Exchange.Ports;
using Exchange.Protos.PublicSecurity.V1;
using Grpc.Core;
using Grpc.Net.Client;

namespace Exchange.AppHost.Tests;

/// <summary>
/// The README's run command as its user meets it: the whole AppHost (redis-server, three adapters, catalog, gateway) on a
/// shifted copy of the port map in a fresh working directory, every resource healthy, one call through the gateway, and
/// that call's trace at the OTLP endpoint (a receiver standing in for the dashboard's) with the gateway's steps and the
/// adapter's span. Generous deadlines, no fixed sleeps; disposing the app stops every process it started.
/// </summary>
public sealed class AppHostTests
{
    private static readonly TimeSpan StartDeadline = TimeSpan.FromMinutes(6);
    private static readonly string[] Resources = ["redis", "catalog", "public-security", "market-regulation", "civil-affairs", "gateway", "portal"];

    [Fact]
    public async Task Every_resource_becomes_healthy_and_a_call_through_the_gateway_leaves_its_trace()
    {
        await using var otlp = await OtlpReceiver.StartAsync();
        var workingDirectory = Directory.CreateTempSubdirectory("exchange-apphost-").FullName;
        var offset = FreePortOffset();
        // Where the journey's minute goes, in the test's output (one line per phase).
        var elapsed = System.Diagnostics.Stopwatch.StartNew();
        void Phase(string what) => TestContext.Current.TestOutputHelper?.WriteLine($"{elapsed.Elapsed.TotalSeconds,6:F1} s  {what}");
        try
        {
            var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Exchange_AppHost>(
            [
                $"--Exchange:WorkingDirectory={workingDirectory}",
                $"--Exchange:PortOffset={offset}",
                $"--Exchange:OtlpEndpoint={otlp.Address.ToString().TrimEnd('/')}",
            ], TestContext.Current.CancellationToken);
            await using var app = await builder.BuildAsync(TestContext.Current.CancellationToken);
            using var starting = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            starting.CancelAfter(StartDeadline);
            await app.StartAsync(starting.Token);
            Phase("app started");
            foreach (var resource in Resources)
            {
                await app.ResourceNotifications.WaitForResourceHealthyAsync(resource, starting.Token);
                Phase($"{resource} healthy");
            }

            var traceId = await CallThroughGatewayAsync(workingDirectory, offset);
            Phase("call through the gateway answered");

            await WithinAsync(TimeSpan.FromMinutes(1), () =>
            {
                var spans = otlp.Spans.Where(s => s.TraceId == traceId).ToList();
                return spans.Any(s => s.Service == "gateway" && s.Name == "gateway.grant")
                       && spans.Any(s => s.Service == "gateway" && s.Name == "gateway.context")
                       && spans.Any(s => s.Service == "gateway" && s.Name == "gateway.audit_wait")
                       && spans.Any(s => s.Service == "public-security");
            }, $"trace {traceId} with gateway steps and a public-security span; received: " +
               string.Join(", ", otlp.Spans.Where(s => s.TraceId == traceId).Select(s => $"{s.Service}/{s.Name}")));
            Phase("trace received");
            await app.StopAsync(TestContext.Current.CancellationToken);
            Phase("app stopped");
        }
        finally
        {
            Directory.Delete(workingDirectory, recursive: true);
        }
    }

    /// <summary>Resident lookup as civil affairs, in a trace of its own whose id the test knows (traceparent).</summary>
    private static async Task<string> CallThroughGatewayAsync(string workingDirectory, int offset)
    {
        var data = Path.Combine(workingDirectory, ".data");
        using var handler = ExchangeTrust.CreateHandler(Path.Combine(data, "pki", "ca.crt"));
        using var http = new HttpClient(ExchangeTrust.CreateHandler(Path.Combine(data, "pki", "ca.crt")));
        var tokens = new ExchangeTokenProvider(http, new ExchangeClientOptions
        {
            TokenEndpoint = new Uri(ExchangePorts.Https(ExchangePorts.CatalogWeb, offset), "/connect/token"),
            ClientId = "civil-affairs",
            ClientSecret = (await File.ReadAllTextAsync(Path.Combine(data, "credentials", "civil-affairs.secret"))).Trim(),
            Scope = ExchangeScopes.Gateway,
        });
        using var channel = GrpcChannel.ForAddress(ExchangePorts.Https(ExchangePorts.Gateway, offset), new GrpcChannelOptions
        {
            HttpHandler = handler,
            Credentials = ChannelCredentials.Create(ChannelCredentials.SecureSsl, ExchangeCallCredentials.FromTokenProvider(tokens)),
        });
        var traceId = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        var headers = ExchangeCallCredentials.ForCase("DEMO-2026-000001", "AppHost test: one traced call");
        headers.Add("traceparent", $"00-{traceId}-{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8))}-01");
        var client = new PopulationService.PopulationServiceClient(channel);
        // The gateway answers once its catalog and grant streams have delivered; until then a call may be UNAVAILABLE or NOT_FOUND.
        await WithinAsync(TimeSpan.FromMinutes(2), async () =>
        {
            try
            {
                var resident = await client.GetResidentAsync(new GetResidentRequest { CitizenId = "330106198812153739" }, headers,
                    deadline: DateTime.UtcNow.AddSeconds(30));
                return resident is not null;
            }
            catch (RpcException ex) when (ex.StatusCode is StatusCode.Unavailable or StatusCode.NotFound or StatusCode.PermissionDenied)
            {
                return false;
            }
        }, "a resident lookup through the gateway answered");
        return traceId;
    }

    private static Task WithinAsync(TimeSpan bound, Func<bool> condition, string what) =>
        WithinAsync(bound, () => Task.FromResult(condition()), what);

    private static async Task WithinAsync(TimeSpan bound, Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + bound;
        var pause = TimeSpan.FromMilliseconds(100);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                Assert.Fail($"Not within {bound.TotalSeconds} s: {what}");
            await Task.Delay(pause);
            pause = TimeSpan.FromMilliseconds(Math.Min(pause.TotalMilliseconds * 2, 2000));
        }
    }

    /// <summary>A shift of the whole port map that lands every port on a free loopback port, below the ephemeral range.</summary>
    private static int FreePortOffset()
    {
        int[] ports = [ExchangePorts.Gateway, ExchangePorts.CatalogGrpc, ExchangePorts.CatalogWeb, ExchangePorts.GatewayWeb, ExchangePorts.PublicSecurity,
            ExchangePorts.MarketRegulation, ExchangePorts.CivilAffairs, ExchangePorts.Portal, ExchangePorts.Redis];
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var offset = Random.Shared.Next(20, 120) * 100;
            if (ports.All(port => IsFree(port + offset)))
                return offset;
        }
        throw new InvalidOperationException("No free shift of the port map found in 50 tries.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}

using Exchange.Testing;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace Exchange.Adapters.Tests;

/// <summary>Plaintext h2c is a development switch (Tls:AllowPlaintext), off by default: without it a plaintext endpoint does not start.</summary>
public sealed class PlaintextSwitchTests
{
    [Fact]
    public async Task A_plaintext_endpoint_without_the_development_switch_stops_the_service_at_start_up_with_the_reason()
    {
        var port = LoopbackPort.Next();

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => ServiceProcess.StartAsync(ExchangeService.CivilAffairs,
            new Dictionary<string, string> { ["Kestrel:Endpoints:Grpc:Url"] = $"http://127.0.0.1:{port}" },
            port, TestContext.Current.CancellationToken));

        Assert.Contains("exited during start-up", ex.Message);
        Assert.Contains("every endpoint must be https://", ex.Message);
        Assert.Contains("Tls:AllowPlaintext", ex.Message);
    }

    [Fact]
    public async Task With_the_development_switch_an_adapter_serves_h2c()
    {
        await using var adapter = await ServiceProcess.StartAsync(ExchangeService.CivilAffairs,
            new Dictionary<string, string> { ["Tls:AllowPlaintext"] = "true" }, cancellationToken: TestContext.Current.CancellationToken);
        using var plaintext = GrpcChannel.ForAddress(adapter.Address);

        var reply = await new Health.HealthClient(plaintext).CheckAsync(new HealthCheckRequest(), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("http", adapter.Address.Scheme);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, reply.Status);
    }
}

using System.Security.Cryptography.X509Certificates;
using Exchange.Protos.PublicSecurity.V1;
using Exchange.Testing;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace Exchange.Adapters.Tests;

/// <summary>
/// The adapter end of the provider hop (issue 12, finding 3): HTTPS only, and calls only from the gateway's client
/// certificate. Each test first shows the gateway's certificate gets through, so a refusal is the gate, not a broken set-up.
/// </summary>
[Collection(DepartmentAdaptersCollection.Name)]
public sealed class MutualTlsTests(DepartmentAdapters adapters)
{
    private const string DemoCitizen = "330106198812153739";

    private Uri Adapter => adapters.PublicSecurity.Address;

    [Fact]
    public async Task Plaintext_h2c_to_an_adapter_is_refused()
    {
        await AssertGatewayCertificateIsServedAsync();
        using var plaintext = GrpcChannel.ForAddress($"http://127.0.0.1:{adapters.PublicSecurity.Port}");

        var ex = await Assert.ThrowsAsync<RpcException>(() => new Health.HealthClient(plaintext)
            .CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(10), cancellationToken: TestContext.Current.CancellationToken).ResponseAsync);

        Assert.NotEqual(StatusCode.OK, ex.StatusCode);
    }

    [Fact]
    public async Task A_client_certificate_of_the_exchange_CA_that_is_not_the_gateways_is_refused_at_the_handshake()
    {
        await AssertGatewayCertificateIsServedAsync();
        using var otherDepartment = GrpcChannel.ForAddress(Adapter, new GrpcChannelOptions
        {
            HttpHandler = TestPki.CreateHandler(TestPki.ClientCertificate("civil-affairs")),
        });

        // Not even the health probe: the connection itself is refused.
        var ex = await Assert.ThrowsAsync<RpcException>(() => new Health.HealthClient(otherDepartment)
            .CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(10), cancellationToken: TestContext.Current.CancellationToken).ResponseAsync);

        Assert.Equal(StatusCode.Unavailable, ex.StatusCode);
    }

    [Fact]
    public async Task A_call_without_a_client_certificate_is_unauthenticated_before_the_request_is_read()
    {
        await AssertGatewayCertificateIsServedAsync();
        using var anonymous = GrpcChannel.ForAddress(Adapter, new GrpcChannelOptions { HttpHandler = TestPki.CreateHandler() });

        var ex = await Assert.ThrowsAsync<RpcException>(() => new PopulationService.PopulationServiceClient(anonymous)
            .GetResidentAsync(new GetResidentRequest { CitizenId = DemoCitizen }, cancellationToken: TestContext.Current.CancellationToken).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
        Assert.Contains("mutual TLS", ex.Status.Detail);
        Assert.Contains(TestPki.Gateway, ex.Status.Detail);
    }

    [Fact]
    public async Task A_health_probe_without_a_client_certificate_is_answered()
    {
        using var anonymous = GrpcChannel.ForAddress(Adapter, new GrpcChannelOptions { HttpHandler = TestPki.CreateHandler() });

        var reply = await new Health.HealthClient(anonymous).CheckAsync(new HealthCheckRequest(), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, reply.Status);
    }

    [Fact]
    public async Task A_server_certificate_of_another_CA_is_not_trusted_by_the_gateway_side()
    {
        // The gateway's handler trusts the exchange CA alone: a CA of its own making stands in for an impostor adapter's.
        var impostorCa = new Exchange.Certificates.ExchangePki(RepositoryLayout.NewTemporaryDirectory("impostor-pki"));
        impostorCa.EnsureCreated([]);
        using var channel = GrpcChannel.ForAddress(Adapter, new GrpcChannelOptions
        {
            HttpHandler = Exchange.Client.ExchangeTrust.CreateHandler(impostorCa.CaCertificatePath, TestPki.ClientCertificate(TestPki.Gateway)),
        });

        var ex = await Assert.ThrowsAsync<RpcException>(() => new Health.HealthClient(channel)
            .CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(10), cancellationToken: TestContext.Current.CancellationToken).ResponseAsync);

        // grpc-dotnet reports a refused server certificate as INTERNAL (an authentication error), a refused client one as UNAVAILABLE.
        Assert.True(ex.StatusCode is StatusCode.Internal or StatusCode.Unavailable, ex.ToString());
        Assert.Contains("SSL", ex.Status.DebugException?.ToString() ?? ex.Status.Detail, StringComparison.OrdinalIgnoreCase);
    }

    private async Task AssertGatewayCertificateIsServedAsync()
    {
        X509Certificate2? served = null;
        var handler = TestPki.CreateGatewayHandler();
        var validate = handler.SslOptions.RemoteCertificateValidationCallback!;
        handler.SslOptions.RemoteCertificateValidationCallback = (sender, certificate, chain, errors) =>
        {
            served = certificate is null ? null : X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
            return validate(sender, certificate, chain, errors);
        };
        using var channel = GrpcChannel.ForAddress(Adapter, new GrpcChannelOptions { HttpHandler = handler });
        var reply = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest(), cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, reply.Status);
        Assert.Equal("CN=public-security", served?.Subject);
    }
}

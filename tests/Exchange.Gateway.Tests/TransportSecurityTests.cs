using System.Security.Cryptography.X509Certificates;
using Exchange.Client;
using Exchange.Protos.PublicSecurity.V1;
using Exchange.Testing;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace Exchange.Gateway.Tests;

/// <summary>
/// Department systems → gateway over TLS (issue 12, finding 3): the gateway serves its certificate of the exchange CA,
/// a client trusting that CA alone gets its data, and a plaintext caller gets nothing. The whole call then goes on
/// to the adapter over mutual TLS, the only way an adapter answers.
/// </summary>
[Collection(SharedClusterCollection.Name)]
public sealed class TransportSecurityTests(RecordedClusterFixture fixture)
{
    private ExchangeCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task A_department_client_over_TLS_trusting_only_the_exchange_CA_gets_its_answer_through_the_gateway()
    {
        X509Certificate2? served = null;
        var handler = TestPki.CreateHandler();
        var validate = handler.SslOptions.RemoteCertificateValidationCallback!;
        handler.SslOptions.RemoteCertificateValidationCallback = (sender, certificate, chain, errors) =>
        {
            served = certificate is null ? null : X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
            return validate(sender, certificate, chain, errors);
        };
        var tokens = Cluster.Tokens(ExchangeClients.CivilAffairs);
        using var channel = GrpcChannel.ForAddress(Cluster.Gateway.Address, new GrpcChannelOptions
        {
            HttpHandler = handler,
            Credentials = ChannelCredentials.Create(ChannelCredentials.SecureSsl, ExchangeCallCredentials.FromTokenProvider(tokens)),
        });

        var reply = await new PopulationService.PopulationServiceClient(channel).VerifyIdentityAsync(
            new VerifyIdentityRequest { CitizenId = SeededPopulation.Default.Residents[5].CitizenId, Name = SeededPopulation.Default.Residents[5].Name },
            ExchangeCallCredentials.ForCase("TLS-2026-000001", "传输加密测试"), cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(reply.Match);
        Assert.Equal("https", Cluster.Gateway.Address.Scheme);
        Assert.Equal("CN=exchange-gateway", served?.Subject);
    }

    [Fact]
    public async Task Plaintext_h2c_to_the_gateway_is_refused()
    {
        using var plaintext = GrpcChannel.ForAddress($"http://127.0.0.1:{Cluster.Gateway.Port}");

        var ex = await Assert.ThrowsAsync<RpcException>(() => new Health.HealthClient(plaintext)
            .CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(10), cancellationToken: TestContext.Current.CancellationToken).ResponseAsync);

        Assert.NotEqual(StatusCode.OK, ex.StatusCode);
    }

    [Fact]
    public void The_CLI_refuses_a_gateway_whose_certificate_is_not_of_the_CA_it_was_given()
    {
        var otherCaDirectory = RepositoryLayout.NewTemporaryDirectory("other-ca");
        try
        {
            var otherCa = new Exchange.Certificates.ExchangePki(otherCaDirectory);
            otherCa.EnsureCreated([]);
            var resident = SeededPopulation.Default.Residents[3];

            // --ca outranks the right CA that CliTests.Run puts in EXCHANGE_CA.
            var (exitCode, output) = CliTests.Run("resident", resident.CitizenId, "--gateway", Cluster.Gateway.Address.ToString(),
                "--token-endpoint", Cluster.TokenEndpoint.ToString(), "--client", ExchangeClients.CivilAffairs,
                "--secret", Cluster.SecretOf(ExchangeClients.CivilAffairs), "--ca", otherCa.CaCertificatePath);

            Assert.NotEqual(0, exitCode);
            Assert.DoesNotContain(resident.Name, output);
            Assert.Contains("TLS", output);
        }
        finally
        {
            Directory.Delete(otherCaDirectory, recursive: true);
        }
    }
}

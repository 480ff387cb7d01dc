using System.Security.Cryptography.X509Certificates;
using Exchange.Testing;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace Exchange.Adapters.Tests;

/// <summary>A renewed certificate (its files replaced) is served on the next connection, with no restart.</summary>
public sealed class CertificateRenewalTests
{
    [Fact]
    public async Task A_renewed_server_certificate_is_served_to_a_new_connection_without_a_restart()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var own = RepositoryLayout.NewTemporaryDirectory("renewal-pki");
        var certificatePath = Path.Combine(own, "adapter.crt");
        var keyPath = Path.Combine(own, "adapter.key");
        CopyIssued("renewal-first", certificatePath, keyPath);
        await using var adapter = await ServiceProcess.StartAsync(ExchangeService.PublicSecurity, new Dictionary<string, string>
        {
            ["Tls:CertificatePath"] = certificatePath,
            ["Tls:KeyPath"] = keyPath,
        }, cancellationToken: cancellation);
        var before = await ServedCertificateAsync(adapter.Address, cancellation);

        CopyIssued("renewal-second", certificatePath, keyPath);
        var after = await ServedCertificateAsync(adapter.Address, cancellation);

        Assert.Equal("CN=renewal-first", before.Subject);
        Assert.Equal("CN=renewal-second", after.Subject);
        Assert.NotEqual(before.SerialNumber, after.SerialNumber);
        Assert.True(adapter.IsRunning);
    }

    private static void CopyIssued(string name, string certificatePath, string keyPath)
    {
        using var issued = TestPki.Pki.Issue(name);
        // Key first, then the certificate, each replaced whole, as a renewal tool does.
        File.WriteAllText(keyPath + ".new", File.ReadAllText(TestPki.Pki.KeyPath(name)));
        File.Move(keyPath + ".new", keyPath, overwrite: true);
        File.WriteAllText(certificatePath + ".new", File.ReadAllText(TestPki.Pki.CertificatePath(name)));
        File.Move(certificatePath + ".new", certificatePath, overwrite: true);
    }

    /// <summary>The certificate the service presents on a fresh connection (a new handler: no pooled connection).</summary>
    private static async Task<X509Certificate2> ServedCertificateAsync(Uri address, CancellationToken cancellation)
    {
        X509Certificate2? served = null;
        var handler = TestPki.CreateGatewayHandler();
        var validate = handler.SslOptions.RemoteCertificateValidationCallback!;
        handler.SslOptions.RemoteCertificateValidationCallback = (sender, certificate, chain, errors) =>
        {
            served = certificate is null ? null : X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
            return validate(sender, certificate, chain, errors);
        };
        using var channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions { HttpHandler = handler, DisposeHttpClient = true });
        await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest(), cancellationToken: cancellation);
        return served ?? throw new InvalidOperationException("No server certificate was presented.");
    }
}

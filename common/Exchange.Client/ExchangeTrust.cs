using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Exchange.Certificates;

namespace Exchange.Client;

/// <summary>
/// How a department system trusts Exchange's servers: the exchange CA given (for example <c>.data/pki/ca.crt</c> of a
/// local run), and only it; without one, the machine's trust store, for Exchange deployed with publicly trusted certificates.
/// </summary>
public static class ExchangeTrust
{
    /// <summary>A handler for channels and token requests that trusts <paramref name="caPath"/> alone (when given) and presents <paramref name="clientCertificate"/> (when given).</summary>
    public static SocketsHttpHandler CreateHandler(string? caPath, X509Certificate2? clientCertificate = null)
    {
        var handler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true };
        var ssl = new SslClientAuthenticationOptions { EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13 };
        if (!string.IsNullOrEmpty(caPath))
        {
            var peers = new PeerCertificateValidator(caPath);
            ssl.RemoteCertificateValidationCallback = (_, certificate, chain, errors) => peers.ValidateServer(certificate, chain, errors);
        }
        if (clientCertificate is not null)
            ssl.ClientCertificates = [clientCertificate];
        handler.SslOptions = ssl;
        return handler;
    }
}

using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Exchange.Certificates;

namespace Exchange.Bench.Load;

/// <summary>
/// TLS of the load generator's connections: the server must chain to the bench's exchange CA (not the machine's
/// trust store), and for a direct call to an adapter the gateway's client certificate is presented, since adapters
/// answer that one only.
/// </summary>
internal sealed class BenchTls(string caPath, X509Certificate2? clientCertificate)
{
    private readonly PeerCertificateValidator _validator = new(caPath);

    /// <summary>From --ca (default DATA/pki/ca.crt) and --client-certificate NAME (its .crt/.key beside the CA).</summary>
    public static BenchTls From(string caPath, string? clientCertificateName)
    {
        if (!File.Exists(caPath))
            throw new FileNotFoundException($"No exchange CA at {caPath}; create it with `exchange pki init`.", caPath);
        var directory = Path.GetDirectoryName(Path.GetFullPath(caPath))!;
        var certificate = clientCertificateName is null
            ? null
            : ReloadingCertificate.Load(Path.Combine(directory, clientCertificateName + ".crt"), Path.Combine(directory, clientCertificateName + ".key"));
        return new BenchTls(caPath, certificate);
    }

    public SocketsHttpHandler Handler(bool singleConnection = false) => new()
    {
        // One connection, like h2load -c 1: the comparison is of proxies, not of connection fan-out.
        EnableMultipleHttp2Connections = !singleConnection,
        PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
        UseProxy = false,
        SslOptions = new SslClientAuthenticationOptions
        {
            RemoteCertificateValidationCallback = (_, certificate, chain, errors) => _validator.ValidateServer(certificate, chain, errors),
            ClientCertificates = clientCertificate is null ? null : [clientCertificate],
            LocalCertificateSelectionCallback = clientCertificate is null ? null : (_, _, _, _, _) => clientCertificate,
        },
    };

    // Token requests to a catalog on a loaded machine can take many seconds; the bench waits rather than stops.
    public HttpClient HttpClient() => new(Handler()) { Timeout = TimeSpan.FromSeconds(60), DefaultRequestVersion = HttpVersion.Version11 };
}

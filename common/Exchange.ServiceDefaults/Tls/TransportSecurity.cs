using System.Net.Security;
using System.Security.Authentication;
using Exchange.Certificates;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Exchange.ServiceDefaults.Tls;

/// <summary>
/// This service's side of TLS, for its endpoints and for every connection it opens to another Exchange service: the
/// certificate it serves and presents (reloaded when its files change) and the CA it trusts for peers.
/// </summary>
public sealed partial class TransportSecurity
{
    private readonly ILogger<TransportSecurity> _logger;

    public TransportSecurity(IOptions<TlsOptions> options, ILogger<TransportSecurity> logger)
    {
        _logger = logger;
        Options = options.Value;
        // Under the development switch the default .data/pki/ paths may simply not exist: then no certificate, and
        // https peers are judged by the machine's trust store.
        if (!string.IsNullOrWhiteSpace(Options.CertificatePath) && !string.IsNullOrWhiteSpace(Options.KeyPath)
            && (!Options.AllowPlaintext || File.Exists(Options.CertificatePath)))
            Certificate = new ReloadingCertificate(Options.CertificatePath, Options.KeyPath);
        if (!string.IsNullOrWhiteSpace(Options.CaPath) && (!Options.AllowPlaintext || File.Exists(Options.CaPath)))
            Peers = new PeerCertificateValidator(Options.CaPath, Options.AllowedClientNames);
    }

    public TlsOptions Options { get; }

    /// <summary>This service's certificate; null only when plaintext is allowed and none is configured.</summary>
    public ReloadingCertificate? Certificate { get; }

    /// <summary>The CA peers are judged against; null only when plaintext is allowed and none is configured.</summary>
    public PeerCertificateValidator? Peers { get; }

    /// <summary>Throws when <paramref name="address"/> is plaintext and the development switch is off, naming the setting to fix.</summary>
    public Uri RequireSecure(Uri address, string setting)
    {
        if (address.Scheme != Uri.UriSchemeHttps && !Options.AllowPlaintext)
            throw new InvalidOperationException(
                $"{setting}={address} is plaintext: use an https:// address (or Tls:AllowPlaintext=true, for development only).");
        return address;
    }

    /// <summary>
    /// Makes <paramref name="handler"/> trust only the exchange CA for servers and present this service's certificate
    /// (the current one, so a renewal shows on the next connection) to servers that ask for one.
    /// </summary>
    public SocketsHttpHandler Secure(SocketsHttpHandler handler) => Secure(handler, presentCertificate: true);

    /// <summary>
    /// A handler for this service's outgoing calls to other Exchange services. Token requests pass
    /// <paramref name="presentCertificate"/> false: OpenIddict at the catalog's token endpoint would take a certificate
    /// as an attempt at certificate-bound client authentication (RFC 8705) and refuse the request.
    /// </summary>
    public SocketsHttpHandler CreateHandler(bool presentCertificate = true) => Secure(new SocketsHttpHandler(), presentCertificate);

    private SocketsHttpHandler Secure(SocketsHttpHandler handler, bool presentCertificate)
    {
        var peers = Peers;
        var certificate = presentCertificate ? Certificate : null;
        if (peers is null && certificate is null)
            return handler;
        handler.SslOptions = new SslClientAuthenticationOptions
        {
            EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
            RemoteCertificateValidationCallback = peers is null ? null : (_, presented, chain, errors) => peers.ValidateServer(presented, chain, errors),
            LocalCertificateSelectionCallback = certificate is null ? null : (_, _, _, _, _) => certificate.Current,
        };
        return handler;
    }

    internal void ConfigureServer(HttpsConnectionAdapterOptions https)
    {
        var certificate = Certificate ?? throw new InvalidOperationException(
            "An https endpoint needs Tls:CertificatePath and Tls:KeyPath (the AppHost creates them in .data/pki/).");
        https.SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13;
        https.ServerCertificateSelector = (_, _) => certificate.Current;
        if (Options.ClientCertificates == ClientCertificatePolicy.None || Peers is not { } peers)
            return;
        // Asked for, never required at the handshake: a probe without a certificate must still reach /health; the
        // call gate then refuses everything else. A certificate that is presented but not acceptable fails the handshake.
        https.ClientCertificateMode = ClientCertificateMode.AllowCertificate;
        var names = Options.ClientCertificates == ClientCertificatePolicy.Require ? peers : new PeerCertificateValidator(Options.CaPath!);
        https.ClientCertificateValidation = (presented, chain, _) =>
        {
            if (names.ValidateClient(presented, chain, out var reason))
                return true;
            LogClientRefused(_logger, reason!);
            return false;
        };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "TLS handshake refused: {Reason}")]
    private static partial void LogClientRefused(ILogger logger, string reason);
}

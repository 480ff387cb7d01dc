namespace Exchange.ServiceDefaults.Tls;

/// <summary>Section <c>Tls</c>: this service's certificate, the CA it trusts for peers, and whom it accepts as a client.</summary>
public sealed class TlsOptions
{
    public const string Section = "Tls";

    /// <summary>PEM certificate this service serves and presents as a client; replaced files are picked up without a restart.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>PEM (PKCS#8) private key of <see cref="CertificatePath"/>.</summary>
    public string? KeyPath { get; set; }

    /// <summary>PEM certificate(s) of the CA trusted for peers, servers and clients alike; the machine's store is not used.</summary>
    public string? CaPath { get; set; }

    /// <summary>
    /// Development switch, off by default: endpoints may be plaintext (h2c / http) and clients accept http addresses.
    /// Without it every endpoint must be https and a service does not start without its certificate.
    /// </summary>
    public bool AllowPlaintext { get; set; }

    /// <summary>Whether HTTPS endpoints ask callers for a certificate of the CA, and whether calls need one.</summary>
    public ClientCertificatePolicy ClientCertificates { get; set; } = ClientCertificatePolicy.None;

    /// <summary>With <see cref="ClientCertificatePolicy.Require"/>: the names (CN or DNS SAN) a client certificate must carry one of; empty = any certificate of the CA.</summary>
    public List<string> AllowedClientNames { get; set; } = [];
}

public enum ClientCertificatePolicy
{
    /// <summary>Server certificate only (department systems → gateway).</summary>
    None,

    /// <summary>Asks for a certificate; a presented one must chain to the CA, but calls without one are served (the catalog: browsers and department systems call it too).</summary>
    Allow,

    /// <summary>
    /// A presented certificate must chain to the CA and name an allowed client, else the handshake fails; a connection
    /// without one reaches only the health probes, every other call is UNAUTHENTICATED (the adapters: only the gateway).
    /// </summary>
    Require,
}

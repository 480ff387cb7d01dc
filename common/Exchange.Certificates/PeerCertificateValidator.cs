using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Exchange.Certificates;

/// <summary>
/// Judges a peer's certificate against the exchange CA alone (not the machine's trust store): the chain must end in a
/// trusted CA certificate and allow the use (server or client authentication); for clients, the certificate must also
/// name one of the allowed names (CN or DNS SAN) when any are given.
/// </summary>
public sealed class PeerCertificateValidator
{
    private readonly X509Certificate2Collection _roots;
    private readonly HashSet<string> _allowedClientNames;

    public PeerCertificateValidator(string caPath, IEnumerable<string>? allowedClientNames = null)
    {
        _roots = new X509Certificate2Collection();
        _roots.ImportFromPemFile(caPath);
        if (_roots.Count == 0)
            throw new CryptographicException($"{caPath} holds no PEM certificate.");
        _allowedClientNames = new HashSet<string>(allowedClientNames ?? [], StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyCollection<string> AllowedClientNames => _allowedClientNames;

    /// <summary>For a client judging a server: chain to the CA, serverAuth, and the host name (SslStream's own check).</summary>
    public bool ValidateServer(X509Certificate? certificate, X509Chain? presented, SslPolicyErrors errors) =>
        certificate is not null
        && (errors & (SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateNotAvailable)) == 0
        && Chains(certificate, presented, Oids.ServerAuthentication);

    /// <summary>For a server judging a client: chain to the CA, clientAuth, and an allowed name.</summary>
    public bool ValidateClient(X509Certificate? certificate, X509Chain? presented, out string? reason)
    {
        reason = null;
        if (certificate is null)
        {
            reason = "no client certificate";
            return false;
        }
        if (!Chains(certificate, presented, Oids.ClientAuthentication))
        {
            reason = $"client certificate '{certificate.Subject}' does not chain to the exchange CA for client authentication";
            return false;
        }
        if (_allowedClientNames.Count > 0 && !NamesOf(certificate).Any(_allowedClientNames.Contains))
        {
            reason = $"client certificate '{certificate.Subject}' is not one of [{string.Join(", ", _allowedClientNames)}]";
            return false;
        }
        return true;
    }

    public static IEnumerable<string> NamesOf(X509Certificate certificate)
    {
        var x509 = certificate as X509Certificate2 ?? new X509Certificate2(certificate);
        var common = x509.GetNameInfo(X509NameType.SimpleName, forIssuer: false);
        if (!string.IsNullOrEmpty(common))
            yield return common;
        foreach (var extension in x509.Extensions.OfType<X509SubjectAlternativeNameExtension>())
        {
            foreach (var dns in extension.EnumerateDnsNames())
                yield return dns;
        }
    }

    private bool Chains(X509Certificate certificate, X509Chain? presented, string usage)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(_roots);
        // A private CA publishes no revocation lists; a compromised service certificate is replaced and its CA rotated.
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.ApplicationPolicy.Add(new Oid(usage));
        if (presented is not null)
        {
            foreach (var element in presented.ChainElements)
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
        }
        var x509 = certificate as X509Certificate2 ?? new X509Certificate2(certificate);
        return chain.Build(x509);
    }
}

using Exchange.Files;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Exchange.Certificates;

/// <summary>
/// A local exchange CA in a directory of PEM files (<c>ca.crt</c>, <c>ca.key</c>, <c>&lt;name&gt;.crt</c>,
/// <c>&lt;name&gt;.key</c>; keys 0600): ECDSA P-256, leaf certificates for serverAuth and clientAuth naming the service
/// (CN and DNS SAN) and valid for <c>localhost</c> and <c>127.0.0.1</c>. For one machine and for tests; a real
/// deployment gives every service a certificate of its own CA through configuration.
/// </summary>
public sealed class ExchangePki
{
    public const string CaName = "ca";
    private static readonly TimeSpan CaLifetime = TimeSpan.FromDays(3650);
    private static readonly TimeSpan LeafLifetime = TimeSpan.FromDays(397);

    private readonly TimeProvider _time;

    public ExchangePki(string directory, TimeProvider? time = null)
    {
        Directory = Path.GetFullPath(directory);
        _time = time ?? TimeProvider.System;
    }

    public string Directory { get; }

    public string CaCertificatePath => CertificatePath(CaName);

    public string CertificatePath(string name) => Path.Combine(Directory, name + ".crt");

    public string KeyPath(string name) => Path.Combine(Directory, name + ".key");

    /// <summary>Creates the CA and a certificate for each name unless they already exist; returns what it created.</summary>
    public IReadOnlyList<string> EnsureCreated(IEnumerable<string> names)
    {
        var created = new List<string>();
        if (!File.Exists(CaCertificatePath) || !File.Exists(KeyPath(CaName)))
        {
            CreateCa();
            created.Add(CaName);
        }
        foreach (var name in names)
        {
            if (File.Exists(CertificatePath(name)) && File.Exists(KeyPath(name)))
                continue;
            Issue(name);
            created.Add(name);
        }
        return created;
    }

    /// <summary>Issues (or re-issues: a renewal) the certificate of <paramref name="name"/>, replacing its files.</summary>
    public X509Certificate2 Issue(string name, IReadOnlyList<string>? extraDnsNames = null)
    {
        ValidateName(name);
        using var ca = X509Certificate2.CreateFromPemFile(CaCertificatePath, KeyPath(CaName));
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid(Oids.ServerAuthentication), new Oid(Oids.ClientAuthentication)], false));
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName(name);
        foreach (var dns in extraDnsNames ?? [])
            san.AddDnsName(dns);
        san.AddDnsName("localhost");
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, true, false));

        var now = _time.GetUtcNow();
        var notAfter = now + LeafLifetime < ca.NotAfter ? now + LeafLifetime : new DateTimeOffset(ca.NotAfter.ToUniversalTime());
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        using var issued = request.Create(ca, now.AddMinutes(-5), notAfter, serial);
        var certificate = issued.CopyWithPrivateKey(key);
        // The key first: a reader that sees the new certificate must find its key already in place.
        AtomicFile.WriteText(KeyPath(name), key.ExportPkcs8PrivateKeyPem(), ownerOnly: true);
        AtomicFile.WriteText(CertificatePath(name), certificate.ExportCertificatePem());
        return certificate;
    }

    private void CreateCa()
    {
        System.IO.Directory.CreateDirectory(Directory);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=Exchange local CA, O=Exchange", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var now = _time.GetUtcNow();
        using var ca = request.CreateSelfSigned(now.AddMinutes(-5), now + CaLifetime);
        AtomicFile.WriteText(KeyPath(CaName), key.ExportPkcs8PrivateKeyPem(), ownerOnly: true);
        AtomicFile.WriteText(CaCertificatePath, ca.ExportCertificatePem());
    }

    private static void ValidateName(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name == CaName || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.'))
            throw new ArgumentException($"'{name}' is not a certificate name: use letters, digits, '-' and '.', for example exchange-gateway.", nameof(name));
    }
}

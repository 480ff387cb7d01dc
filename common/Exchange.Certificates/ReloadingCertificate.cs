using System.Security.Cryptography.X509Certificates;

namespace Exchange.Certificates;

/// <summary>
/// A certificate and its key read from PEM files, read again when either file's last-write time changes, so a renewed
/// certificate (files replaced) is served and presented on the next connection without a restart. Each handshake costs
/// two file-time reads, far below the handshake itself.
/// </summary>
public sealed class ReloadingCertificate
{
    private readonly object _gate = new();
    private Loaded? _current;

    public ReloadingCertificate(string certificatePath, string keyPath)
    {
        CertificatePath = Path.GetFullPath(certificatePath);
        KeyPath = Path.GetFullPath(keyPath);
    }

    public string CertificatePath { get; }
    public string KeyPath { get; }

    /// <summary>The current certificate with its private key; a replaced pair that cannot be read yet keeps the previous one.</summary>
    public X509Certificate2 Current
    {
        get
        {
            var stamp = (File.GetLastWriteTimeUtc(CertificatePath), File.GetLastWriteTimeUtc(KeyPath));
            var current = _current;
            if (current is not null && current.Stamp == stamp)
                return current.Certificate;
            lock (_gate)
            {
                if (_current is not null && _current.Stamp == stamp)
                    return _current.Certificate;
                try
                {
                    _current = new Loaded(stamp, Load(CertificatePath, KeyPath));
                }
                catch (Exception ex) when (_current is not null && ex is IOException or System.Security.Cryptography.CryptographicException or ArgumentException)
                {
                    // Caught between the key and the certificate being replaced: the old pair still matches itself.
                }
                return _current.Certificate;
            }
        }
    }

    /// <summary>Reads the pair once, for a clear error at start-up when the files are missing or do not match.</summary>
    public static X509Certificate2 Load(string certificatePath, string keyPath)
    {
        var pem = X509Certificate2.CreateFromPemFile(certificatePath, keyPath);
        // SslStream on some platforms needs a key it can use outside this object; a PKCS#12 round trip gives it one.
        if (OperatingSystem.IsWindows())
        {
            using (pem)
                return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
        }
        return pem;
    }

    private sealed record Loaded((DateTime, DateTime) Stamp, X509Certificate2 Certificate);
}

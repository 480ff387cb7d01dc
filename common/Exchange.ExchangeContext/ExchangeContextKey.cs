using System.Security.Cryptography;

namespace Exchange.ExchangeContext;

/// <summary>Key ids and PEM files of exchange-context keys (ECDSA P-256).</summary>
public static class ExchangeContextKey
{
    /// <summary>base64url SHA-256 of the SubjectPublicKeyInfo: stable, and the same on every machine holding the key.</summary>
    public static string IdOf(ECDsa key) =>
        Convert.ToBase64String(SHA256.HashData(key.ExportSubjectPublicKeyInfo()))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>
    /// Loads the signing key at <paramref name="path"/>, creating a new P-256 key there (owner-only) if none exists,
    /// and writes its public half into <paramref name="trustedDirectory"/> so providers on this machine trust it.
    /// </summary>
    public static ECDsa LoadOrCreateSigningKey(string path, string? trustedDirectory)
    {
        var key = ECDsa.Create();
        if (File.Exists(path))
        {
            key.ImportFromPem(File.ReadAllText(path));
        }
        else
        {
            key.GenerateKey(ECCurve.NamedCurves.nistP256);
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            var temporary = path + ".tmp";
            File.WriteAllText(temporary, key.ExportPkcs8PrivateKeyPem());
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            File.Move(temporary, path, overwrite: false);
        }

        if (!string.IsNullOrEmpty(trustedDirectory))
        {
            Directory.CreateDirectory(trustedDirectory);
            var publicPath = Path.Combine(trustedDirectory, IdOf(key) + ".pem");
            if (!File.Exists(publicPath))
                File.WriteAllText(publicPath, key.ExportSubjectPublicKeyInfoPem());
        }
        return key;
    }

    /// <summary>Every public key (*.pem) in a directory, by key id.</summary>
    public static Dictionary<string, ECDsa> LoadTrustedKeys(string directory)
    {
        var keys = new Dictionary<string, ECDsa>(StringComparer.Ordinal);
        if (!Directory.Exists(directory))
            return keys;
        foreach (var file in Directory.EnumerateFiles(directory, "*.pem"))
        {
            var key = ECDsa.Create();
            key.ImportFromPem(File.ReadAllText(file));
            keys[IdOf(key)] = key;
        }
        return keys;
    }
}

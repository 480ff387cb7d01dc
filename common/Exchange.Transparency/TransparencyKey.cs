using System.Buffers.Text;
using Exchange.Files;
using System.Security.Cryptography;

namespace Exchange.Transparency;

/// <summary>ECDSA P-256 keys of logs and witnesses: ids, PEM files, signatures over checkpoint bodies.</summary>
public static class TransparencyKey
{
    /// <summary>base64url SHA-256 of the SubjectPublicKeyInfo: the same on every machine holding the key.</summary>
    public static string IdOf(ECDsa key) =>
        Base64Url.EncodeToString(SHA256.HashData(key.ExportSubjectPublicKeyInfo()));

    /// <summary>
    /// Loads the private key at <paramref name="path"/>, creating a P-256 key there (owner-only) if none exists, and
    /// writes its public half into <paramref name="publicDirectory"/> when given, where witnesses are told to trust it.
    /// </summary>
    public static ECDsa LoadOrCreate(string path, string? publicDirectory = null)
    {
        var key = ECDsa.Create();
        if (File.Exists(path))
        {
            key.ImportFromPem(File.ReadAllText(path));
        }
        else
        {
            key.GenerateKey(ECCurve.NamedCurves.nistP256);
            if (!AtomicFile.TryCreateText(path, key.ExportPkcs8PrivateKeyPem(), ownerOnly: true))
            {
                // Another instance of the deployment created it first: use that one, so both sign as one log.
                key.ImportFromPem(File.ReadAllText(path));
            }
        }
        if (key.KeySize != 256)
            throw new CryptographicException($"The key at {path} is not an ECDSA P-256 key.");

        if (!string.IsNullOrEmpty(publicDirectory))
        {
            Directory.CreateDirectory(publicDirectory);
            var publicPath = Path.Combine(publicDirectory, IdOf(key) + ".pem");
            if (!File.Exists(publicPath))
                AtomicFile.TryCreateText(publicPath, key.ExportSubjectPublicKeyInfoPem());
        }
        return key;
    }

    /// <summary>Every P-256 public key (*.pem) in a directory, by key id; an empty set when it does not exist.</summary>
    public static Dictionary<string, ECDsa> LoadPublicKeys(string directory)
    {
        var keys = new Dictionary<string, ECDsa>(StringComparer.Ordinal);
        if (!Directory.Exists(directory))
            return keys;
        foreach (var file in Directory.EnumerateFiles(directory, "*.pem"))
        {
            var key = ECDsa.Create();
            key.ImportFromPem(File.ReadAllText(file));
            if (key.KeySize == 256)
                keys[IdOf(key)] = key;
        }
        return keys;
    }

    public static SignedCheckpoint Sign(ECDsa key, Checkpoint checkpoint) =>
        new(checkpoint, IdOf(key), key.SignData(checkpoint.Body(), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));

    public static bool Verify(ECDsa key, SignedCheckpoint signed)
    {
        try
        {
            return signed.KeyId == IdOf(key)
                && key.VerifyData(signed.Checkpoint.Body(), signed.Signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    public static Cosignature Cosign(ECDsa witnessKey, string witnessName, long timeMillis, Checkpoint checkpoint)
    {
        var id = IdOf(witnessKey);
        return new Cosignature(id, witnessName, timeMillis,
            witnessKey.SignData(Cosignature.Body(id, timeMillis, checkpoint), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
    }

    public static bool VerifyCosignature(ECDsa witnessKey, Cosignature cosignature, Checkpoint checkpoint)
    {
        try
        {
            return cosignature.WitnessId == IdOf(witnessKey)
                && witnessKey.VerifyData(Cosignature.Body(cosignature.WitnessId, cosignature.TimeMillis, checkpoint), cosignature.Signature,
                    HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}

using System.Security.Cryptography;
using Exchange.Protos.Licence.V1;

namespace Exchange.Licences;

/// <summary>Signs licences with the current key of an issuer's key ring.</summary>
public static class LicenceSigner
{
    /// <summary>Sets the key id, algorithm and signature of <paramref name="licence"/> (over its canonical encoding) and returns it.</summary>
    public static Licence Sign(Licence licence, IssuerSigningKey key)
    {
        licence.SigningKeyId = key.KeyId;
        licence.SignatureAlgorithm = SignatureAlgorithm.EcdsaP256Sha256;
        licence.Signature = Google.Protobuf.ByteString.CopyFrom(
            key.Key.SignData(LicenceCanonicalEncoding.Encode(licence), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
        return licence;
    }
}

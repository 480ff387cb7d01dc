using System.Globalization;
using System.Security.Cryptography;
using Exchange.Protos.Licence.V1;

namespace Exchange.Licences;

/// <summary>
/// Checks a licence against its issuers' published public keys: number well-formed, signing key known and
/// belonging to the issuing department, signature over the canonical encoding, not revoked, not past its expiry.
/// Whether it was revoked is the status the caller got from the issuer. Thread-safe.
/// </summary>
public sealed class LicenceVerifier
{
    private readonly Dictionary<string, (IssuerKey Key, ECDsa PublicKey)> _keys = new(StringComparer.Ordinal);

    public LicenceVerifier(IEnumerable<IssuerKey> issuerKeys)
    {
        foreach (var key in issuerKeys)
        {
            var publicKey = ECDsa.Create();
            publicKey.ImportFromPem(key.PublicKeyPem);
            _keys[key.KeyId] = (key, publicKey);
        }
    }

    public LicenceVerification Verify(Licence licence, DateOnly today)
    {
        if (LicenceNumber.Problem(licence.LicenceNumber) is { } problem)
            return new(LicenceVerificationOutcome.MalformedNumber, false, $"The licence number {problem}.");
        if (!_keys.TryGetValue(licence.SigningKeyId, out var key))
            return new(LicenceVerificationOutcome.UnknownKey, false, $"The signing key '{licence.SigningKeyId}' is not a published key of any known issuer.");
        if (!string.Equals(key.Key.IssuerDepartmentCode, licence.IssuerDepartmentCode, StringComparison.Ordinal))
        {
            return new(LicenceVerificationOutcome.WrongIssuer, false,
                $"The signing key '{licence.SigningKeyId}' belongs to {key.Key.IssuerDepartmentCode}, not to the issuer {licence.IssuerDepartmentCode}.");
        }
        if (licence.SignatureAlgorithm != SignatureAlgorithm.EcdsaP256Sha256 || key.Key.SignatureAlgorithm != licence.SignatureAlgorithm)
            return new(LicenceVerificationOutcome.UnsupportedAlgorithm, false, $"The signature algorithm {licence.SignatureAlgorithm} is not the key's algorithm.");
        if (!key.PublicKey.VerifyData(LicenceCanonicalEncoding.Encode(licence), licence.Signature.Span, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence))
            return new(LicenceVerificationOutcome.BadSignature, false, "The signature does not match the licence content; it was altered or not issued by this issuer.");
        if (licence.Status == LicenceStatus.Revoked)
            return new(LicenceVerificationOutcome.Revoked, true, $"The licence was revoked at {licence.RevokedAt}: {licence.RevocationReason}");
        if (licence.Status == LicenceStatus.Expired || IsPast(licence.ExpiryDate, today))
            return new(LicenceVerificationOutcome.Expired, true, $"The licence expired on {licence.ExpiryDate}.");
        return new(LicenceVerificationOutcome.Valid, true, "The signature is genuine and the licence is valid.");
    }

    private static bool IsPast(string expiryDate, DateOnly today) =>
        expiryDate.Length > 0
        && DateOnly.TryParseExact(expiryDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var expiry)
        && expiry < today;
}

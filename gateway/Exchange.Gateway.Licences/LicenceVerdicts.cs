using System.Globalization;
using Exchange.Licences;
using Exchange.Protos.Licence.V1;

namespace Exchange.Gateway.Licences;

/// <summary>Turns the verifier's verdict on a licence into the contract's <see cref="Verification"/>.</summary>
internal static class LicenceVerdicts
{
    public static Verification ToMessage(Licence licence, LicenceVerification verdict, DateTimeOffset now) => new()
    {
        Valid = verdict.IsValid,
        Outcome = verdict.Outcome switch
        {
            LicenceVerificationOutcome.Valid => VerificationOutcome.Valid,
            LicenceVerificationOutcome.Revoked => VerificationOutcome.Revoked,
            LicenceVerificationOutcome.Expired => VerificationOutcome.Expired,
            LicenceVerificationOutcome.UnknownKey => VerificationOutcome.UnknownKey,
            _ => VerificationOutcome.BadSignature,
        },
        SignatureValid = verdict.SignatureValid,
        Status = verdict.Outcome == LicenceVerificationOutcome.Expired ? LicenceStatus.Expired : licence.Status,
        ExpiryDate = licence.ExpiryDate,
        IssuerDepartmentCode = licence.IssuerDepartmentCode,
        Reason = verdict.Reason,
        CheckedAt = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
    };

    /// <summary>A QR payload that verifies but says something else than the issuer's record.</summary>
    public static Verification Mismatch(Licence record, DateTimeOffset now) => new()
    {
        Valid = false,
        Outcome = VerificationOutcome.Mismatch,
        SignatureValid = true,
        Status = record.Status,
        ExpiryDate = record.ExpiryDate,
        IssuerDepartmentCode = record.IssuerDepartmentCode,
        Reason = "The QR payload is signed by the issuer but differs from the licence the issuer holds now; ask for the current licence.",
        CheckedAt = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
    };
}

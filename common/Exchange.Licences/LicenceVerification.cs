namespace Exchange.Licences;

/// <summary>Why a licence does or does not verify.</summary>
public enum LicenceVerificationOutcome
{
    Valid,
    MalformedNumber,
    UnknownKey,
    WrongIssuer,
    UnsupportedAlgorithm,
    BadSignature,
    Revoked,
    Expired,
}

/// <summary>The verdict on one licence: <see cref="SignatureValid"/> tells apart a genuine but revoked/expired licence from a forged one.</summary>
public sealed record LicenceVerification(LicenceVerificationOutcome Outcome, bool SignatureValid, string Reason)
{
    public bool IsValid => Outcome == LicenceVerificationOutcome.Valid;
}

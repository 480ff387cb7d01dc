using System.Buffers.Text;
using Exchange.Protos.Licence.V1;
using Google.Protobuf;

namespace Exchange.Licences;

/// <summary>
/// The QR payload of a licence: <c>EXL1:</c> and the base64url encoding (no padding) of the licence as signed,
/// that is without the status fields that change after issue. A verifier can check it offline against the
/// issuer's published key and ask the issuer only for the status.
/// </summary>
public static class LicenceQrPayload
{
    public const string Prefix = "EXL1:";

    // A licence is a few hundred bytes; anything far larger is not one of ours and is refused before parsing.
    public const int MaxLength = 4096;

    public static string Encode(Licence licence)
    {
        var signed = licence.Clone();
        signed.Status = LicenceStatus.Unspecified;
        signed.RevocationReason = string.Empty;
        signed.RevokedAt = string.Empty;
        return Prefix + Base64Url.EncodeToString(signed.ToByteArray());
    }

    /// <summary>True when the text looks like a QR payload (by its prefix), whether or not it decodes.</summary>
    public static bool IsPayload(string text) => text.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>The licence in the payload, or null with the reason it cannot be read.</summary>
    public static Licence? TryDecode(string payload, out string? problem)
    {
        problem = null;
        var text = payload.Trim();
        if (!IsPayload(text))
        {
            problem = $"does not start with {Prefix}";
            return null;
        }
        if (text.Length > MaxLength)
        {
            problem = $"is longer than {MaxLength} characters";
            return null;
        }
        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(text.AsSpan(Prefix.Length));
        }
        catch (FormatException)
        {
            problem = "is not base64url after the prefix";
            return null;
        }
        Licence licence;
        try
        {
            licence = Licence.Parser.ParseFrom(bytes);
        }
        catch (InvalidProtocolBufferException)
        {
            problem = "does not contain a licence";
            return null;
        }
        if (LicenceNumber.Problem(licence.LicenceNumber) is { } numberProblem)
        {
            problem = $"contains a licence number that {numberProblem}";
            return null;
        }
        return licence;
    }
}

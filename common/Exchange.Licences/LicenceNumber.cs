using Exchange.Identifiers;

namespace Exchange.Licences;

/// <summary>
/// Licence numbers in the spirit of GB/T 36904: type code (4) + issuing authority's unified social credit code (18)
/// + serial (8 digits) + an ISO 7064 MOD 37,36 check character over the first 30 characters.
/// </summary>
public static class LicenceNumber
{
    public const int Length = 31;
    public const int TypeCodeLength = 4;
    public const int SerialLength = 8;
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /// <summary>Trimmed and upper-cased, the way a clerk's typing is read.</summary>
    public static string Normalise(string? value) => (value ?? string.Empty).Trim().ToUpperInvariant();

    public static string Create(string typeCode, string issuerCreditCode, long serial)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(serial);
        if (typeCode.Length != TypeCodeLength || !typeCode.All(IsAlphanumeric))
            throw new ArgumentException($"A licence type code is {TypeCodeLength} characters from 0-9 and A-Z.", nameof(typeCode));
        if (!UnifiedSocialCreditCode.IsValid(issuerCreditCode))
            throw new ArgumentException("The issuer credit code is not a valid GB 32100 code.", nameof(issuerCreditCode));
        var body = typeCode + issuerCreditCode + serial.ToString("D" + SerialLength, System.Globalization.CultureInfo.InvariantCulture);
        if (body.Length != Length - 1)
            throw new ArgumentOutOfRangeException(nameof(serial), $"A serial has at most {SerialLength} digits.");
        return body + ComputeCheckCharacter(body);
    }

    /// <summary>Null when the number is well-formed, else why not (for INVALID_ARGUMENT).</summary>
    public static string? Problem(string value)
    {
        if (value.Length == 0)
            return "is empty";
        if (value.Length != Length)
            return $"must be {Length} characters (type code, issuer credit code, serial, check character) but has {value.Length}";
        var bad = value.AsSpan().IndexOfAnyExcept(Alphabet);
        if (bad >= 0)
            return $"has '{value[bad]}' at position {bad + 1}; only 0-9 and A-Z are allowed";
        var credit = value.Substring(TypeCodeLength, 18);
        var creditCheck = UnifiedSocialCreditCode.Validate(credit);
        if (!creditCheck.IsValid)
            return $"has an invalid issuer credit code {credit}: {creditCheck.Reason}";
        if (!value.AsSpan(TypeCodeLength + 18, SerialLength).ContainsOnlyDigits())
            return "has a serial (positions 23-30) that is not all digits";
        var expected = ComputeCheckCharacter(value.AsSpan(0, Length - 1));
        return value[^1] == expected ? null : $"has check character '{value[^1]}' but '{expected}' was expected; the number is mistyped";
    }

    public static string TypeCodeOf(string number) => number[..TypeCodeLength];

    public static string IssuerCreditCodeOf(string number) => number.Substring(TypeCodeLength, 18);

    /// <summary>ISO 7064 hybrid system MOD 37,36 over 0-9 A-Z.</summary>
    public static char ComputeCheckCharacter(ReadOnlySpan<char> body)
    {
        var p = 36;
        foreach (var c in body)
        {
            var s = (p + Alphabet.IndexOf(c)) % 36;
            if (s == 0)
                s = 36;
            p = s * 2 % 37;
        }
        // The check value c makes (p + c) mod 36 == 1.
        return Alphabet[(37 - p) % 36];
    }

    private static bool IsAlphanumeric(char c) => Alphabet.Contains(c);

    private static bool ContainsOnlyDigits(this ReadOnlySpan<char> span) => span.IndexOfAnyExceptInRange('0', '9') < 0;
}

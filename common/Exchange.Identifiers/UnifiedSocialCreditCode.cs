namespace Exchange.Identifiers;

/// <summary>
/// GB 32100-2015 unified social credit code: registration authority and organisation category
/// (2 characters), 6-digit region code, 9-character organisation code and a MOD 31 check character.
/// The alphabet is the digits and upper-case letters without I, O, Z, S and V.
/// Only the canonical form is valid: upper case, no spaces.
/// </summary>
public static class UnifiedSocialCreditCode
{
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    public static IdentifierCheck Validate(string? value)
    {
        var shape = IdentifierText.CheckShape(value);
        if (!shape.IsValid)
            return shape;

        for (var i = 0; i < IdentifierText.Length; i++)
        {
            var c = value![i];
            if (char.IsAsciiLetterLower(c))
                return IdentifierCheck.Fail(IdentifierError.LowerCase,
                    $"character {i + 1} is a lower-case '{c}'; use upper case");
            if (Alphabet.IndexOf(c) < 0)
                return IdentifierCheck.Fail(IdentifierError.InvalidCharacter,
                    $"character {i + 1} is '{c}', which is not in the GB 32100 character set (digits and letters except I, O, Z, S, V)");
        }

        for (var i = 2; i < 8; i++)
        {
            if (!char.IsAsciiDigit(value![i]))
                return IdentifierCheck.Fail(IdentifierError.InvalidCharacter,
                    $"character {i + 1} is '{value[i]}'; characters 3 to 8 are the region code and must be digits");
        }

        var expected = ComputeCheckCharacter(value.AsSpan(0, 17));
        if (expected != value![17])
            return IdentifierCheck.Fail(IdentifierError.CheckCharacterMismatch,
                $"check character mismatch: the first 17 characters give '{expected}', not '{value[17]}'");

        return IdentifierCheck.Valid;
    }

    public static bool IsValid(string? value) => Validate(value).IsValid;

    /// <summary>The GB 32100 MOD 31 check character of the first 17 characters, which must be in <see cref="Alphabet"/>.</summary>
    public static char ComputeCheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17)
            throw new ArgumentException("Exactly 17 characters are needed.", nameof(first17));
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var code = Alphabet.IndexOf(first17[i]);
            if (code < 0)
                throw new ArgumentException($"'{first17[i]}' is not in the GB 32100 character set.", nameof(first17));
            sum += code * Weights[i];
        }
        return Alphabet[(31 - sum % 31) % 31];
    }

    /// <summary>Builds a valid code from its 17 leading characters.</summary>
    public static string Create(string first17) => first17 + ComputeCheckCharacter(first17);
}

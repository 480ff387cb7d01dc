using System.Globalization;

namespace Exchange.Identifiers;

/// <summary>
/// GB 11643-1999 citizen identity number: 6-digit address code, 8-digit birth date (YYYYMMDD),
/// 3-digit sequence (odd for men, even for women) and a check character from ISO 7064 MOD 11-2.
/// Only the canonical form is valid: upper-case X, no spaces.
/// </summary>
public static class CitizenId
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";
    private static readonly DateOnly EarliestBirthDate = new(1900, 1, 1);

    public static IdentifierCheck Validate(string? value) =>
        Validate(value, DateOnly.FromDateTime(DateTime.Today));

    public static IdentifierCheck Validate(string? value, DateOnly today)
    {
        var shape = IdentifierText.CheckShape(value);
        if (!shape.IsValid)
            return shape;

        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(value![i]))
                return IdentifierCheck.Fail(IdentifierError.InvalidCharacter,
                    $"character {i + 1} is '{value[i]}'; the first 17 characters must be digits");
        }

        var last = value![17];
        if (last == 'x')
            return IdentifierCheck.Fail(IdentifierError.LowerCase, "check character must be an upper-case X");
        if (!char.IsAsciiDigit(last) && last != 'X')
            return IdentifierCheck.Fail(IdentifierError.InvalidCharacter,
                $"check character is '{last}'; it must be a digit or X");

        var birth = value.AsSpan(6, 8);
        if (!DateOnly.TryParseExact(birth, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birthDate))
            return IdentifierCheck.Fail(IdentifierError.InvalidBirthDate,
                $"birth date {birth[..4]}-{birth[4..6]}-{birth[6..]} does not exist");
        if (birthDate > today)
            return IdentifierCheck.Fail(IdentifierError.FutureBirthDate,
                $"birth date {birthDate:yyyy-MM-dd} is in the future");
        if (birthDate < EarliestBirthDate)
            return IdentifierCheck.Fail(IdentifierError.InvalidBirthDate,
                $"birth date {birthDate:yyyy-MM-dd} is before {EarliestBirthDate:yyyy-MM-dd}");

        var expected = ComputeCheckCharacter(value.AsSpan(0, 17));
        if (expected != last)
            return IdentifierCheck.Fail(IdentifierError.CheckCharacterMismatch,
                $"check digit mismatch: the first 17 digits give '{expected}', not '{last}'");

        return IdentifierCheck.Valid;
    }

    public static bool IsValid(string? value) => Validate(value).IsValid;

    /// <summary>The ISO 7064 MOD 11-2 check character of the first 17 digits.</summary>
    public static char ComputeCheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17)
            throw new ArgumentException("Exactly 17 digits are needed.", nameof(first17));
        var sum = 0;
        for (var i = 0; i < 17; i++)
            sum += (first17[i] - '0') * Weights[i];
        return CheckCharacters[sum % 11];
    }

    /// <summary>Builds a valid number from an address code, a birth date and a sequence number.</summary>
    public static string Create(string addressCode, DateOnly birthDate, int sequence)
    {
        if (addressCode.Length != 6 || !addressCode.All(char.IsAsciiDigit))
            throw new ArgumentException("The address code must be 6 digits.", nameof(addressCode));
        ArgumentOutOfRangeException.ThrowIfNegative(sequence);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sequence, 999);
        var first17 = string.Create(CultureInfo.InvariantCulture, $"{addressCode}{birthDate:yyyyMMdd}{sequence:D3}");
        return first17 + ComputeCheckCharacter(first17);
    }

    /// <summary>The birth date a valid number encodes.</summary>
    public static DateOnly BirthDateOf(string citizenId) =>
        DateOnly.ParseExact(citizenId.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>The sequence digit is odd for men and even for women.</summary>
    public static bool IsMale(string citizenId) => (citizenId[16] - '0') % 2 == 1;

    /// <summary>Keeps the first six and last four characters, so a person can recognise a number without learning it.</summary>
    public static string Mask(string citizenId) =>
        citizenId.Length == IdentifierText.Length
            ? string.Concat(citizenId.AsSpan(0, 6), new string('*', 8), citizenId.AsSpan(14))
            : new string('*', citizenId.Length);
}

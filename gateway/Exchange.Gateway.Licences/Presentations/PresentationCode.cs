using System.Security.Cryptography;
using System.Text;

namespace Exchange.Gateway.Licences.Presentations;

/// <summary>
/// The short text of a presentation code (亮证码): 11 random Crockford base32 characters (55 bits) and a check character,
/// written in groups of four (ABCD-EFGH-JKM7). The check character catches any one mistyped character before a lookup
/// (the weights are odd, so a change of one character always changes the sum modulo 32); anything else that is not a
/// live code is simply not found. Only a digest of the code is stored, so the store does not hold usable codes.
/// </summary>
internal static class PresentationCode
{
    public const int Length = 12;
    private const int RandomLength = Length - 1;
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string Generate()
    {
        Span<char> code = stackalloc char[Length];
        for (var i = 0; i < RandomLength; i++)
            code[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        code[RandomLength] = Alphabet[CheckValue(code[..RandomLength])];
        return Format(code);
    }

    /// <summary>Upper-cased, without spaces and dashes, with the letters people confuse read as Crockford does (O→0, I/L→1).</summary>
    public static string Normalise(string? text)
    {
        var builder = new StringBuilder(Length);
        foreach (var c in (text ?? string.Empty).Trim())
        {
            if (c is ' ' or '-' or '\u3000')
                continue;
            builder.Append(char.ToUpperInvariant(c) switch
            {
                'O' => '0',
                'I' or 'L' => '1',
                var other => other,
            });
        }
        return builder.ToString();
    }

    /// <summary>Whether normalised text has the shape of a code (to tell it from licence numbers and ids), check character aside.</summary>
    public static bool LooksLike(string normalised) =>
        normalised.Length == Length && normalised.AsSpan().IndexOfAnyExcept(Alphabet) < 0;

    /// <summary>Null when the normalised code is well formed with a matching check character; otherwise why not.</summary>
    public static string? Problem(string normalised)
    {
        if (normalised.Length != Length)
            return $"must be {Length} characters, not {normalised.Length}";
        if (normalised.AsSpan().IndexOfAnyExcept(Alphabet) >= 0)
            return "may contain only digits and the letters of Crockford base32 (no I, L, O, U)";
        return Alphabet[CheckValue(normalised.AsSpan(0, RandomLength))] == normalised[RandomLength]
            ? null
            : "its check character does not match: a character was mistyped";
    }

    /// <summary>The store's key for a code: a digest, so neither the store nor its backups hold usable codes.</summary>
    public static string Digest(string normalised) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(normalised)));

    public static string Format(ReadOnlySpan<char> normalised) =>
        $"{normalised[..4]}-{normalised[4..8]}-{normalised[8..]}";

    private static int CheckValue(ReadOnlySpan<char> random)
    {
        var sum = 0;
        for (var i = 0; i < random.Length; i++)
            sum += Alphabet.IndexOf(random[i], StringComparison.Ordinal) * (2 * i + 1);
        return sum % Alphabet.Length;
    }
}

using System.Globalization;
using System.Text;

namespace Exchange.ExchangeContext;

/// <summary>
/// Case numbers (办件编号) as departments write them, Chinese included (民婚字(2026)第12号): letters, digits,
/// punctuation and inner spaces, at most <see cref="MaxLength"/> characters. Control, format and bidirectional
/// characters are refused, so a case number reads in the audit log exactly as it was sent.
/// In metadata (<see cref="ExchangeMetadata.CaseNumber"/>) it travels UTF-8 percent-encoded, like the purpose.
/// </summary>
public static class CaseNumbers
{
    public const int MaxLength = 64;

    /// <summary>Why the (trimmed) value is not a case number, in Chinese for the people who type it; null when it is one.</summary>
    public static string? Problem(string value)
    {
        if (value.Length == 0)
            return "请填写办件编号：每次核验都记入用证记录，须写明为哪一个办件。";
        if (value.Length > MaxLength)
            return $"办件编号过长：最多 {MaxLength} 个字符，现有 {value.Length} 个。";
        foreach (var rune in value.EnumerateRunes())
        {
            if (!Allowed(rune))
                return $"办件编号含有不能使用的字符（U+{rune.Value:X4}）：只能使用文字、数字、标点和空格。";
        }
        return null;
    }

    private static bool Allowed(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter => true,
        UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => true,
        UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation
            or UnicodeCategory.ClosePunctuation or UnicodeCategory.OtherPunctuation => true,
        UnicodeCategory.SpaceSeparator => rune.Value == ' ',
        _ => false,
    };
}

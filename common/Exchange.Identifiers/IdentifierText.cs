namespace Exchange.Identifiers;

/// <summary>Checks every identifier shares before its own rules: present, no stray spaces, 18 characters.</summary>
internal static class IdentifierText
{
    public const int Length = 18;

    public static IdentifierCheck CheckShape(string? value)
    {
        if (string.IsNullOrEmpty(value))
            return IdentifierCheck.Fail(IdentifierError.Empty, "is empty");
        if (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]))
            return IdentifierCheck.Fail(IdentifierError.Whitespace,
                "has leading or trailing whitespace; send the identifier exactly as issued");
        if (value.Length != Length)
            return IdentifierCheck.Fail(IdentifierError.WrongLength,
                $"must be {Length} characters, got {value.Length}");
        return IdentifierCheck.Valid;
    }
}

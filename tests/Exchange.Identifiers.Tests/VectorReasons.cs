namespace Exchange.Identifiers.Tests;

internal static class VectorReasons
{
    /// <summary>Maps the vector file's free-text reason to the error the validator must report.</summary>
    public static IdentifierError ExpectedError(string reason) => reason switch
    {
        _ when reason.Contains("check", StringComparison.OrdinalIgnoreCase) => IdentifierError.CheckCharacterMismatch,
        _ when reason.Contains("impossible birth date", StringComparison.OrdinalIgnoreCase) => IdentifierError.InvalidBirthDate,
        _ when reason.Contains("future", StringComparison.OrdinalIgnoreCase) => IdentifierError.FutureBirthDate,
        _ when reason.Contains("characters", StringComparison.OrdinalIgnoreCase) => IdentifierError.WrongLength,
        _ when reason.Contains("lower", StringComparison.OrdinalIgnoreCase) => IdentifierError.LowerCase,
        _ when reason.Contains("space", StringComparison.OrdinalIgnoreCase) => IdentifierError.Whitespace,
        _ when reason == "empty" => IdentifierError.Empty,
        _ when reason.Contains("letter inside digits", StringComparison.OrdinalIgnoreCase)
            || reason.Contains("not in the GB 32100 character set", StringComparison.OrdinalIgnoreCase) => IdentifierError.InvalidCharacter,
        _ => throw new InvalidOperationException($"The test does not know the vector reason '{reason}'; map it here."),
    };
}

using System.Text.Json;

namespace Exchange.Identifiers.Tests;

/// <summary>The shared identifier vectors (tests/testdata/identifiers.json, a copy of shared/testdata).</summary>
public static class IdentifierVectors
{
    private static readonly JsonDocument Document = JsonDocument.Parse(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "testdata", "identifiers.json")));

    public static TheoryData<string> Valid(string kind) =>
        new(Document.RootElement.GetProperty(kind).GetProperty("valid").EnumerateArray().Select(v => v.GetString()!));

    public static TheoryData<string, string> Invalid(string kind) =>
        new(Document.RootElement.GetProperty(kind).GetProperty("invalid").EnumerateArray()
            .Select(v => (v.GetProperty("value").GetString()!, v.GetProperty("reason").GetString()!)));

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

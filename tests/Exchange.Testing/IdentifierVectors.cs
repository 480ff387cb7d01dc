using System.Text.Json;

namespace Exchange.Testing;

/// <summary>The shared identifier vectors (tests/testdata/identifiers.json, a copy of shared/testdata).</summary>
public static class IdentifierVectors
{
    public const string CitizenId = "citizenId";
    public const string CreditCode = "unifiedSocialCreditCode";

    private static readonly JsonDocument Document = JsonDocument.Parse(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "testdata", "identifiers.json")));

    public static IEnumerable<string> Valid(string kind) =>
        Document.RootElement.GetProperty(kind).GetProperty("valid").EnumerateArray().Select(v => v.GetString()!);

    public static IEnumerable<(string Value, string Reason)> Invalid(string kind) =>
        Document.RootElement.GetProperty(kind).GetProperty("invalid").EnumerateArray()
            .Select(v => (v.GetProperty("value").GetString()!, v.GetProperty("reason").GetString()!));
}

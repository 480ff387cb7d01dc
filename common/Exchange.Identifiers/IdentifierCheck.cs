namespace Exchange.Identifiers;

/// <summary>The outcome of validating one identifier: valid, or the first rule it breaks and why.</summary>
public readonly record struct IdentifierCheck(IdentifierError Error, string Reason)
{
    public static readonly IdentifierCheck Valid = new(IdentifierError.None, string.Empty);

    public bool IsValid => Error == IdentifierError.None;

    internal static IdentifierCheck Fail(IdentifierError error, string reason) => new(error, reason);
}

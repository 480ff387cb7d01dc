namespace Exchange.Identifiers;

/// <summary>Why an identifier was rejected; <see cref="IdentifierCheck.Reason"/> says it in words.</summary>
public enum IdentifierError
{
    None = 0,
    Empty,
    Whitespace,
    WrongLength,
    LowerCase,
    InvalidCharacter,
    InvalidBirthDate,
    FutureBirthDate,
    CheckCharacterMismatch,
}

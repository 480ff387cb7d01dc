namespace Exchange.SyntheticData;

/// <summary>A market entity of the market regulation register; its legal representative is a resident.</summary>
public sealed record Enterprise(
    string CreditCode,
    string Name,
    EnterpriseType Type,
    string LegalRepresentativeName,
    string LegalRepresentativeCitizenId,
    long RegisteredCapitalYuan,
    DateOnly EstablishedDate,
    string Address,
    string BusinessScope,
    EnterpriseStatus Status,
    string RegistrationAuthority);

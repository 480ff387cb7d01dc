namespace Exchange.SyntheticData;

/// <summary>A social organisation of the civil affairs register; its legal representative is a resident.</summary>
public sealed record SocialOrganization(
    string CreditCode,
    string Name,
    SocialOrganizationType Type,
    string LegalRepresentativeName,
    string LegalRepresentativeCitizenId,
    string RegistrationAuthority,
    DateOnly RegisteredDate,
    string Address,
    string BusinessScope,
    SocialOrganizationStatus Status);

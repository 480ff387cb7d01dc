using Exchange.SyntheticData;

namespace Exchange.Adapters.CivilAffairs.Store;

/// <summary>A row of the social organisation register, keyed by unified social credit code.</summary>
public sealed class RegisteredSocialOrganization
{
    public required string CreditCode { get; init; }
    public required string Name { get; init; }
    public required SocialOrganizationType Type { get; init; }
    public required string LegalRepresentativeName { get; init; }
    public required string LegalRepresentativeCitizenId { get; init; }
    public required string RegistrationAuthority { get; init; }
    public required DateOnly RegisteredDate { get; init; }
    public required string Address { get; init; }
    public required string BusinessScope { get; init; }
    public required SocialOrganizationStatus Status { get; init; }
}

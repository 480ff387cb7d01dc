using Exchange.SyntheticData;

namespace Exchange.Adapters.MarketRegulation.Store;

/// <summary>A row of the market entity register, keyed by unified social credit code.</summary>
public sealed class RegisteredEnterprise
{
    public required string CreditCode { get; init; }
    public required string Name { get; init; }
    public required EnterpriseType Type { get; init; }
    public required string LegalRepresentativeName { get; init; }
    public required string LegalRepresentativeCitizenId { get; init; }
    public required long RegisteredCapitalYuan { get; init; }
    public required DateOnly EstablishedDate { get; init; }
    public required string Address { get; init; }
    public required string BusinessScope { get; init; }
    public required EnterpriseStatus Status { get; init; }
    public required string RegistrationAuthority { get; init; }
}

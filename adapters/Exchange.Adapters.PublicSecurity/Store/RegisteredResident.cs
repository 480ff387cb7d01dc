using Exchange.SyntheticData;

namespace Exchange.Adapters.PublicSecurity.Store;

/// <summary>A row of the population register, keyed by citizen id.</summary>
public sealed class RegisteredResident
{
    public required string CitizenId { get; init; }
    public required string Name { get; init; }
    public required Gender Gender { get; init; }
    public required DateOnly BirthDate { get; init; }
    public required string Ethnicity { get; init; }
    public required string RegisteredAddress { get; init; }
    public required ResidentStatus Status { get; init; }
}

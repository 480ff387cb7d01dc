using Exchange.SyntheticData;

namespace Exchange.Adapters.Shared.Licences;

/// <summary>The licences one department issues to the holders of the synthetic population, in a deterministic order.</summary>
public interface ILicenceIssuance
{
    /// <summary>
    /// The drafts, with issue and expiry dates placed around <paramref name="validityReference"/> (the day the store is
    /// first seeded, or <c>AdapterStore:ReferenceDate</c>), so the intended share of valid and expired licences holds on
    /// that day rather than drifting with the population's fixed generation date.
    /// </summary>
    IReadOnlyList<LicenceDraft> Draft(SyntheticPopulation population, DateOnly validityReference);
}

using Exchange.SyntheticData;

namespace Exchange.Adapters.Shared.Licences;

/// <summary>The licences one department issues to the holders of the synthetic population, in a deterministic order.</summary>
public interface ILicenceIssuance
{
    IReadOnlyList<LicenceDraft> Draft(SyntheticPopulation population);
}

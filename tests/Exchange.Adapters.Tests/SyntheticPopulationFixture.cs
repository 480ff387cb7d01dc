using Exchange.SyntheticData;

namespace Exchange.Adapters.Tests;

/// <summary>Generates the default population once for all tests of a class.</summary>
public sealed class SyntheticPopulationFixture
{
    public SyntheticPopulationFixture()
    {
        Population = SyntheticPopulation.Generate(SyntheticPopulationOptions.Default);
        ResidentsById = Population.Residents.ToDictionary(r => r.CitizenId);
    }

    public SyntheticPopulation Population { get; }

    public IReadOnlyDictionary<string, Resident> ResidentsById { get; }
}

using Exchange.Identifiers;
using Exchange.SyntheticData;

namespace Exchange.Gateway.Tests;

/// <summary>The population the adapters seed, regenerated here (it is deterministic) to know what they must answer.</summary>
public static class SeededPopulation
{
    public static SyntheticPopulation Default { get; } = SyntheticPopulation.Generate();

    /// <summary>A few subjects spread over the data set, including the demo subjects at index 0.</summary>
    public static IEnumerable<int> SampleIndexes(int count) => [0, 1, 2, count / 3, count / 2, count - 1];

    /// <summary>A valid citizen id that no seeded resident holds.</summary>
    public static string UnknownCitizenId()
    {
        var known = Default.Residents.Select(r => r.CitizenId).ToHashSet();
        for (var sequence = 999; ; sequence--)
        {
            var candidate = CitizenId.Create("650102", new DateOnly(1977, 7, 7), sequence);
            if (!known.Contains(candidate))
                return candidate;
        }
    }

    /// <summary>A valid credit code that no seeded enterprise or social organisation holds.</summary>
    public static string UnknownCreditCode()
    {
        var known = Default.Enterprises.Select(e => e.CreditCode).Concat(Default.SocialOrganizations.Select(o => o.CreditCode)).ToHashSet();
        for (var serial = 0; ; serial++)
        {
            var candidate = UnifiedSocialCreditCode.Create($"91650102MA{serial:D7}");
            if (!known.Contains(candidate))
                return candidate;
        }
    }
}

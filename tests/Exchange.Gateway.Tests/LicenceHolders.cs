using Exchange.SyntheticData;

namespace Exchange.Gateway.Tests;

/// <summary>Seeded holders with known licences, derived from the deterministic population the adapters issue from.</summary>
public static class LicenceHolders
{
    private static readonly SyntheticPopulation Population = SeededPopulation.Default;

    /// <summary>Married residents (a marriage no divorce ended), both registered normally: each holds an identity card and a marriage certificate.</summary>
    public static IReadOnlyList<(string Husband, string Wife)> MarriedCouples { get; } = FindCouples();

    /// <summary>Residents registered normally (each holds an identity card), skipping the married ones.</summary>
    public static IReadOnlyList<Resident> SingleResidents { get; } = Population.Residents
        .Where(r => r.Status == ResidentStatus.Normal)
        .Where(r => !MarriedCouples.Any(c => c.Husband == r.CitizenId || c.Wife == r.CitizenId))
        .Where(r => !Population.MarriageRegistrations.Any(m => m.HusbandCitizenId == r.CitizenId || m.WifeCitizenId == r.CitizenId))
        .ToList();

    public static IReadOnlyList<Enterprise> Enterprises => Population.Enterprises;

    private static List<(string, string)> FindCouples()
    {
        var normal = Population.Residents.Where(r => r.Status == ResidentStatus.Normal).Select(r => r.CitizenId).ToHashSet();
        var divorces = Population.MarriageRegistrations.Where(m => m.Kind == MarriageRegistrationKind.Divorce).ToList();
        return Population.MarriageRegistrations
            .Where(m => m.Kind == MarriageRegistrationKind.Marriage)
            .Where(m => !divorces.Any(d => d.HusbandCitizenId == m.HusbandCitizenId && d.WifeCitizenId == m.WifeCitizenId && d.RegisteredDate >= m.RegisteredDate))
            .Where(m => normal.Contains(m.HusbandCitizenId) && normal.Contains(m.WifeCitizenId))
            // A person married twice (after a divorce) holds two certificates; keep the simple cases.
            .Where(m => Population.MarriageRegistrations.Count(o => o.HusbandCitizenId == m.HusbandCitizenId || o.WifeCitizenId == m.WifeCitizenId) == 1)
            .Select(m => (m.HusbandCitizenId, m.WifeCitizenId))
            .ToList();
    }
}

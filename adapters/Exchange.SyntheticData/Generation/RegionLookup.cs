namespace Exchange.SyntheticData.Generation;

/// <summary>Finds the region of a resident from the address code of their citizen id, which is also where they are registered.</summary>
internal static class RegionLookup
{
    private static readonly Dictionary<string, Region> ByCode = Regions.All.ToDictionary(r => r.Code, StringComparer.Ordinal);

    public static Region Of(Resident resident) => ByCode[resident.CitizenId[..6]];
}

namespace Exchange.SyntheticData;

/// <summary>
/// What to generate. The same options always give the same population, byte for byte, on any .NET version:
/// the generator uses its own PRNG and never the clock.
/// </summary>
public sealed record SyntheticPopulationOptions
{
    /// <summary>The population every adapter seeds, so that the departments agree with each other.</summary>
    public static SyntheticPopulationOptions Default { get; } = new();

    public ulong Seed { get; init; } = 0x45_58_43_48_41_4E_47_45; // "EXCHANGE"

    public int ResidentCount { get; init; } = 10_000;

    public int EnterpriseCount { get; init; } = 2_000;

    /// <summary>First marriages; divorces and remarriages add registrations on top.</summary>
    public int MarriageCount { get; init; } = 1_200;

    public int SocialOrganizationCount { get; init; } = 240;

    /// <summary>The "today" of the data set: every date lies on or before it, and ages are taken at it.</summary>
    public DateOnly ReferenceDate { get; init; } = new(2025, 12, 31);
}

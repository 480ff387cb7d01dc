using Exchange.Identifiers;

namespace Exchange.SyntheticData.Generation;

internal static class ResidentGeneration
{
    private static readonly DateOnly EarliestBirth = new(1940, 1, 1);
    private static readonly DateOnly LatestBirth = new(2010, 12, 31);

    public static List<Resident> Generate(SyntheticPopulationOptions options)
    {
        var random = SplitMix64.ForStage(options.Seed, 1);
        var residents = new List<Resident>(options.ResidentCount);
        var issued = new HashSet<string>(StringComparer.Ordinal);

        while (residents.Count < options.ResidentCount)
        {
            // The first resident is the demo subject: a married man of working age in Hangzhou with a normal status.
            var demo = residents.Count == 0;
            var region = demo ? Regions.Hangzhou : random.Pick(Regions.All);
            var gender = demo || random.Chance(510) ? Gender.Male : Gender.Female;
            var birthDate = demo
                ? random.NextDate(new DateOnly(1984, 1, 1), new DateOnly(1990, 12, 31))
                : random.NextDate(EarliestBirth, LatestBirth);
            var sequence = random.Next(500) * 2 + (gender == Gender.Male ? 1 : 0);
            var citizenId = CitizenId.Create(region.Code, birthDate, sequence);
            if (!issued.Add(citizenId))
                continue;

            residents.Add(new Resident(
                citizenId,
                ChineseNames.FullName(random, gender, birthDate.Year),
                gender,
                birthDate,
                demo ? Ethnicities.Han : Ethnicities.Pick(random),
                Addresses.Home(random, region),
                demo ? ResidentStatus.Normal : Status(random, birthDate)));
        }
        return residents;
    }

    private static ResidentStatus Status(SplitMix64 random, DateOnly birthDate)
    {
        if (random.Chance(birthDate.Year < 1955 ? 90 : 6))
            return ResidentStatus.Deceased;
        return random.Chance(5) ? ResidentStatus.Cancelled : ResidentStatus.Normal;
    }
}

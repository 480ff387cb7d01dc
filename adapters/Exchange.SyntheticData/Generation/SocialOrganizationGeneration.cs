namespace Exchange.SyntheticData.Generation;

/// <summary>Social groups, private non-enterprise units and foundations led by adult residents of normal status.</summary>
internal sealed class SocialOrganizationGeneration
{
    private static readonly DateOnly EarliestRegistered = new(1995, 1, 1);

    private static readonly WeightedChoice<SocialOrganizationType> Types = new(
    [
        (SocialOrganizationType.SocialGroup, 500), (SocialOrganizationType.PrivateNonEnterpriseUnit, 400),
        (SocialOrganizationType.Foundation, 100),
    ]);

    private static readonly WeightedChoice<SocialOrganizationStatus> Statuses = new(
    [
        (SocialOrganizationStatus.Active, 880), (SocialOrganizationStatus.Revoked, 50),
        (SocialOrganizationStatus.Deregistered, 70),
    ]);

    private readonly SplitMix64 _random;
    private readonly DateOnly _latest;
    private readonly CreditCodeRegistry _codes;
    private readonly UniqueNames _names = new();

    public SocialOrganizationGeneration(SyntheticPopulationOptions options, CreditCodeRegistry codes)
    {
        _random = SplitMix64.ForStage(options.Seed, 4);
        _latest = options.ReferenceDate.AddDays(-30);
        _codes = codes;
    }

    public List<SocialOrganization> Generate(IReadOnlyList<Resident> adults, Resident demoRepresentative, int count)
    {
        var organizations = new List<SocialOrganization>(count);
        for (var i = 0; i < count; i++)
        {
            // The first organisation is the demo subject: an active district association.
            var demo = i == 0;
            var representative = demo ? demoRepresentative : _random.Pick(adults);
            var region = demo ? Regions.Hangzhou : _random.Chance(700) ? RegionLookup.Of(representative) : _random.Pick(Regions.All);
            var type = demo ? SocialOrganizationType.SocialGroup : Types.Pick(_random);
            var (name, scope, authority, category, codeRegion) = type switch
            {
                SocialOrganizationType.SocialGroup => SocialGroup(region, demo),
                SocialOrganizationType.PrivateNonEnterpriseUnit => PrivateNonEnterpriseUnit(region),
                _ => Foundation(region),
            };
            var earliest = representative.BirthDate.AddYears(20);
            organizations.Add(new SocialOrganization(
                _codes.Issue(_random, category, codeRegion, "MJ"),
                name,
                type,
                representative.Name,
                representative.CitizenId,
                authority,
                _random.NextDate(earliest > EarliestRegistered ? earliest : EarliestRegistered, _latest),
                Addresses.Office(_random, region),
                scope,
                demo ? SocialOrganizationStatus.Active : Statuses.Pick(_random)));
        }
        return organizations;
    }

    private (string, string, string, string, string) SocialGroup(Region region, bool demo)
    {
        var cityLevel = !demo && _random.Chance(400);
        var prefix = cityLevel ? region.City : region.CityAndDistrict;
        var name = demo
            ? _names.Take(() => prefix + BusinessVocabulary.SocialGroups[0])
            : _names.Take(() => prefix + _random.Pick(BusinessVocabulary.SocialGroups));
        return (name, BusinessVocabulary.SocialGroupScope, prefix + "民政局", "51", region.Code);
    }

    private (string, string, string, string, string) PrivateNonEnterpriseUnit(Region region)
    {
        var scope = "";
        var name = _names.Take(() =>
        {
            var (kind, kindScope) = _random.Pick(BusinessVocabulary.PrivateNonEnterpriseUnits);
            scope = kindScope;
            return region.CityAndDistrict + _random.Pick(BusinessVocabulary.TradeNames) + kind;
        });
        return (name, scope, region.CityAndDistrict + "民政局", "52", region.Code);
    }

    private (string, string, string, string, string) Foundation(Region region)
    {
        var scope = "";
        var name = _names.Take(() =>
        {
            var cause = _random.Pick(BusinessVocabulary.FoundationCauses);
            scope = string.Format(System.Globalization.CultureInfo.InvariantCulture, BusinessVocabulary.FoundationScope, cause);
            return region.Province + _random.Pick(BusinessVocabulary.TradeNames) + cause + "基金会";
        });
        return (name, scope, region.ProvinceCivilAffairsAuthority, "53", region.ProvinceCode);
    }
}

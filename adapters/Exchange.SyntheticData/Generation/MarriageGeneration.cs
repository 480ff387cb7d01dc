namespace Exchange.SyntheticData.Generation;

/// <summary>
/// Pairs residents of normal status into marriages registered no earlier than the legal ages (men 22, women 20),
/// divorces some of them later, and lets some divorced people marry again.
/// </summary>
internal sealed class MarriageGeneration
{
    private const int HusbandMinimumAge = 22;
    private const int WifeMinimumAge = 20;
    private const int PartnerAttempts = 40;

    private readonly SplitMix64 _random;
    private readonly DateOnly _latest;
    private readonly List<Resident> _unmarriedMen;
    private readonly List<Resident> _unmarriedWomen;
    private readonly Dictionary<(char Kind, string Region, int Year), int> _serials = [];
    private readonly List<MarriageRegistration> _registrations = [];
    private readonly List<(Resident Husband, Resident Wife, DateOnly Date)> _divorces = [];

    private MarriageGeneration(IReadOnlyList<Resident> residents, SyntheticPopulationOptions options)
    {
        _random = SplitMix64.ForStage(options.Seed, 2);
        _latest = options.ReferenceDate.AddDays(-30);
        _unmarriedMen = residents.Skip(1)
            .Where(r => r.Status == ResidentStatus.Normal && r.Gender == Gender.Male && r.BirthDate.AddYears(HusbandMinimumAge) <= _latest)
            .ToList();
        _unmarriedWomen = residents
            .Where(r => r.Status == ResidentStatus.Normal && r.Gender == Gender.Female && r.BirthDate.AddYears(WifeMinimumAge) <= _latest)
            .ToList();
    }

    public static List<MarriageRegistration> Generate(IReadOnlyList<Resident> residents, SyntheticPopulationOptions options)
    {
        var generation = new MarriageGeneration(residents, options);
        generation.MarryDemoSubject(residents);
        generation.MarryFirstTime(options.MarriageCount);
        generation.Remarry();
        return generation._registrations;
    }

    private void MarryDemoSubject(IReadOnlyList<Resident> residents)
    {
        if (residents.Count == 0 || residents[0].Gender != Gender.Male || residents[0].BirthDate.AddYears(HusbandMinimumAge) > _latest)
            return;
        var husband = residents[0];
        var wife = TakePartner(_unmarriedWomen, w => Window(husband, w, DateOnly.MinValue) is not null);
        if (wife is not null)
            Register(MarriageRegistrationKind.Marriage, husband, wife, Window(husband, wife, DateOnly.MinValue)!.Value);
    }

    private void MarryFirstTime(int count)
    {
        var married = 0;
        var misses = 0;
        while (married < count && _unmarriedMen.Count > 0 && misses < 1_000)
        {
            var index = _random.Next(_unmarriedMen.Count);
            var husband = _unmarriedMen[index];
            var wife = TakePartner(_unmarriedWomen, w => Window(husband, w, DateOnly.MinValue) is not null);
            if (wife is null)
            {
                misses++;
                continue;
            }
            RemoveAt(_unmarriedMen, index);
            var date = Window(husband, wife, DateOnly.MinValue)!.Value;
            Register(MarriageRegistrationKind.Marriage, husband, wife, date);
            married++;

            if (_random.Chance(150))
            {
                var divorce = date.AddDays(_random.Next(365, 365 * 20));
                if (divorce <= _latest)
                {
                    Register(MarriageRegistrationKind.Divorce, husband, wife, divorce);
                    _divorces.Add((husband, wife, divorce));
                }
            }
        }
    }

    private void Remarry()
    {
        foreach (var (husband, wife, divorced) in _divorces)
        {
            var notBefore = divorced.AddDays(180);
            if (_random.Chance(350))
            {
                var newWife = TakePartner(_unmarriedWomen, w => Window(husband, w, notBefore) is not null);
                if (newWife is not null)
                    Register(MarriageRegistrationKind.Marriage, husband, newWife, Window(husband, newWife, notBefore)!.Value);
            }
            if (_random.Chance(300))
            {
                var newHusband = TakePartner(_unmarriedMen, m => Window(m, wife, notBefore) is not null);
                if (newHusband is not null)
                    Register(MarriageRegistrationKind.Marriage, newHusband, wife, Window(newHusband, wife, notBefore)!.Value);
            }
        }
    }

    private Resident? TakePartner(List<Resident> pool, Func<Resident, bool> suits)
    {
        for (var attempt = 0; attempt < PartnerAttempts && pool.Count > 0; attempt++)
        {
            var index = _random.Next(pool.Count);
            var candidate = pool[index];
            if (!suits(candidate))
                continue;
            RemoveAt(pool, index);
            return candidate;
        }
        return null;
    }

    /// <summary>
    /// A registration date when both are of legal age and the ages are plausible together, or null.
    /// Consumes no randomness when the pair does not suit, and the same draw each time for a given pair.
    /// </summary>
    private DateOnly? Window(Resident husband, Resident wife, DateOnly notBefore)
    {
        var gap = wife.BirthDate.Year - husband.BirthDate.Year;
        if (gap is < -3 or > 10)
            return null;
        var earliest = Max(Max(husband.BirthDate.AddYears(HusbandMinimumAge), wife.BirthDate.AddYears(WifeMinimumAge)), notBefore);
        if (earliest > _latest)
            return null;
        var spread = Math.Min(_latest.DayNumber - earliest.DayNumber, 365 * 12);
        var offset = (int)((uint)HashCode(husband.CitizenId, wife.CitizenId) % (uint)(spread + 1));
        return earliest.AddDays(offset);
    }

    private void Register(MarriageRegistrationKind kind, Resident husband, Resident wife, DateOnly date)
    {
        var region = RegionLookup.Of(_random.Chance(500) ? husband : wife);
        var prefix = kind == MarriageRegistrationKind.Marriage ? 'J' : 'L';
        var key = (prefix, region.Code, date.Year);
        var serial = _serials.TryGetValue(key, out var last) ? last + _random.Next(1, 6) : _random.Next(1, 300);
        _serials[key] = serial;
        _registrations.Add(new MarriageRegistration(
            kind,
            $"{prefix}{region.Code}-{date.Year}-{serial:D6}",
            date,
            $"{region.CityAndDistrict}民政局婚姻登记处",
            husband.CitizenId,
            husband.Name,
            wife.CitizenId,
            wife.Name));
    }

    // Order within a pool does not matter, so removal swaps in the last element instead of shifting the list.
    private static void RemoveAt(List<Resident> pool, int index)
    {
        pool[index] = pool[^1];
        pool.RemoveAt(pool.Count - 1);
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    // FNV-1a over both ids: a stable, version-independent spread of wedding dates (string.GetHashCode is randomised per process).
    private static int HashCode(string a, string b)
    {
        var hash = 2166136261u;
        foreach (var c in a)
            hash = (hash ^ c) * 16777619u;
        foreach (var c in b)
            hash = (hash ^ c) * 16777619u;
        return (int)(hash & 0x7FFFFFFF);
    }
}

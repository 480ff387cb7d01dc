namespace Exchange.SyntheticData.Generation;

/// <summary>Enterprises whose legal representatives are adult residents of normal status, and their credit list entries.</summary>
internal sealed class EnterpriseGeneration
{
    private static readonly DateOnly EarliestEstablished = new(1993, 1, 1);

    private static readonly WeightedChoice<EnterpriseType> Types = new(
    [
        (EnterpriseType.LimitedLiabilityCompany, 700), (EnterpriseType.JointStockCompany, 40),
        (EnterpriseType.SoleProprietorship, 50), (EnterpriseType.Partnership, 50),
        (EnterpriseType.IndividualBusiness, 130), (EnterpriseType.FarmersCooperative, 30),
    ]);

    private static readonly WeightedChoice<EnterpriseStatus> Statuses = new(
        [(EnterpriseStatus.Active, 850), (EnterpriseStatus.Revoked, 70), (EnterpriseStatus.Deregistered, 80)]);

    private readonly SplitMix64 _random;
    private readonly DateOnly _latest;
    private readonly CreditCodeRegistry _codes;
    private readonly UniqueNames _names = new();

    public List<Enterprise> Enterprises { get; } = [];

    public List<CreditListEntry> CreditListEntries { get; } = [];

    public EnterpriseGeneration(SyntheticPopulationOptions options, CreditCodeRegistry codes)
    {
        _random = SplitMix64.ForStage(options.Seed, 3);
        _latest = options.ReferenceDate.AddDays(-30);
        _codes = codes;
    }

    public void Generate(IReadOnlyList<Resident> adults, Resident demoRepresentative, int count)
    {
        for (var i = 0; i < count; i++)
        {
            // The first enterprise is the demo subject: an active company without credit entries, led by the first resident.
            var demo = i == 0;
            var representative = demo ? demoRepresentative : _random.Pick(adults);
            var region = demo || _random.Chance(800) ? RegionLookup.Of(representative) : _random.Pick(Regions.All);
            var type = demo ? EnterpriseType.LimitedLiabilityCompany : Types.Pick(_random);
            var established = _random.NextDate(Max(representative.BirthDate.AddYears(20), EarliestEstablished), _latest);
            var (name, scope) = demo ? DemoName(region) : Name(type, region, representative);
            var status = demo ? EnterpriseStatus.Active : Statuses.Pick(_random);
            var enterprise = new Enterprise(
                _codes.Issue(_random, CategoryOf(type), region.Code, _random.Chance(600) ? "MA" : ""),
                name,
                type,
                representative.Name,
                representative.CitizenId,
                Capital(type),
                established,
                Addresses.Office(_random, region),
                scope,
                status,
                region.CityAndDistrict + "市场监督管理局");
            Enterprises.Add(enterprise);
            if (!demo)
                AddCreditListEntries(enterprise, region);
        }
    }

    private (string Name, string Scope) DemoName(Region region)
    {
        var (industry, scope) = BusinessVocabulary.Industries[0];
        return (_names.Take(() => $"{region.CityShort}{region.DistrictShort}{BusinessVocabulary.TradeNames[0]}{industry}有限公司"), scope);
    }

    private (string Name, string Scope) Name(EnterpriseType type, Region region, Resident representative)
    {
        var scope = "";
        var name = _names.Take(() =>
        {
            var trade = _random.Pick(BusinessVocabulary.TradeNames);
            var (industry, industryScope) = _random.Pick(BusinessVocabulary.Industries);
            scope = industryScope;
            switch (type)
            {
                case EnterpriseType.LimitedLiabilityCompany:
                    return _random.Chance(500)
                        ? $"{region.CityShort}{region.DistrictShort}{trade}{industry}有限公司"
                        : $"{region.CityShort}{trade}{industry}有限公司";
                case EnterpriseType.JointStockCompany:
                    return $"{region.CityShort}{trade}{industry}股份有限公司";
                case EnterpriseType.SoleProprietorship:
                    return $"{region.CityShort}{region.DistrictShort}{trade}{industry}{_random.Pick(BusinessVocabulary.SoleProprietorshipForms)}";
                case EnterpriseType.Partnership:
                    scope = "以私募基金从事股权投资、投资管理、资产管理等活动；企业管理咨询";
                    return $"{region.CityShort}{trade}{(_random.Chance(500) ? "股权投资" : "企业管理")}合伙企业（有限合伙）";
                case EnterpriseType.IndividualBusiness:
                    var (shop, shopScope) = _random.Pick(BusinessVocabulary.Shops);
                    scope = shopScope;
                    var owner = _random.Chance(500) ? ChineseNames.SurnameOf(representative.Name) + "记" : trade;
                    return $"{region.CityAndDistrict}{owner}{shop}";
                default:
                    var product = _random.Pick(BusinessVocabulary.FarmProducts);
                    scope = $"组织收购、销售成员的农产品；{product}；引进新技术、新品种，开展技术培训、技术交流和信息咨询服务";
                    return $"{region.CityShort}{region.DistrictShort}{trade}{product}专业合作社";
            }
        });
        return (name, scope);
    }

    private static string CategoryOf(EnterpriseType type) => type switch
    {
        EnterpriseType.IndividualBusiness => "92",
        EnterpriseType.FarmersCooperative => "93",
        _ => "91",
    };

    private long Capital(EnterpriseType type) => type switch
    {
        EnterpriseType.LimitedLiabilityCompany => _random.Pick(LimitedCapitals) * 10_000L,
        EnterpriseType.JointStockCompany => _random.Next(5, 500) * 1_000_000L,
        EnterpriseType.SoleProprietorship => _random.Next(1, 100) * 10_000L,
        EnterpriseType.Partnership => _random.Next(1, 100) * 1_000_000L,
        EnterpriseType.IndividualBusiness => _random.Next(1, 30) * 10_000L,
        _ => _random.Next(5, 200) * 10_000L,
    };

    private static readonly int[] LimitedCapitals = [10, 30, 50, 100, 100, 100, 200, 300, 500, 500, 1000, 2000, 5000];

    private void AddCreditListEntries(Enterprise enterprise, Region region)
    {
        var abnormalPerMille = enterprise.Status switch
        {
            EnterpriseStatus.Revoked => 600,
            EnterpriseStatus.Deregistered => 30,
            _ => 60,
        };
        var earliest = enterprise.EstablishedDate.AddYears(1);
        if (earliest < _latest && _random.Chance(abnormalPerMille))
        {
            var listed = _random.NextDate(earliest, _latest);
            DateOnly? removed = null;
            var mustBeRemoved = enterprise.Status == EnterpriseStatus.Deregistered;
            if ((mustBeRemoved || (enterprise.Status == EnterpriseStatus.Active && _random.Chance(450))) && listed.AddDays(30) <= _latest)
                removed = _random.NextDate(listed.AddDays(30), _latest);
            CreditListEntries.Add(new CreditListEntry(enterprise.CreditCode, CreditList.AbnormalOperations,
                _random.Pick(BusinessVocabulary.CreditCheckReasons), listed, removed, enterprise.RegistrationAuthority));

            var escalated = listed.AddYears(3).AddDays(_random.Next(1, 60));
            if (removed is null && escalated <= _latest && _random.Chance(500))
            {
                CreditListEntries.Add(new CreditListEntry(enterprise.CreditCode, CreditList.SeriousViolations,
                    BusinessVocabulary.ThreeYearsAbnormalReason, escalated, null, region.City + "市场监督管理局"));
            }
        }

        if (_random.Chance(5) && enterprise.EstablishedDate.AddDays(180) <= _latest)
        {
            var reason = _random.Pick(BusinessVocabulary.SeriousViolationReasons);
            CreditListEntries.Add(new CreditListEntry(enterprise.CreditCode, CreditList.SeriousViolations,
                enterprise.Status == EnterpriseStatus.Revoked ? BusinessVocabulary.RegistrationRevokedReason : reason,
                _random.NextDate(enterprise.EstablishedDate.AddDays(180), _latest), null, region.City + "市场监督管理局"));
        }
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}

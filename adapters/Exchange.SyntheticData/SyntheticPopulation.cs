using Exchange.SyntheticData.Generation;

namespace Exchange.SyntheticData;

/// <summary>
/// One consistent synthetic population across departments: the residents of the population register are the
/// legal representatives of the enterprises, the parties of the marriage registrations and the legal
/// representatives of the social organisations.
/// </summary>
/// <remarks>
/// Demo subjects, stable for <see cref="SyntheticPopulationOptions.Default"/>:
/// <list type="bullet">
/// <item><c>Residents[0]</c> is a man of normal status born in the 1980s, registered in 杭州市西湖区, married
/// (the first marriage registration) and never divorced.</item>
/// <item><c>Enterprises[0]</c> is 杭州西湖云帆科技有限公司, an active limited company with no credit list entries,
/// whose legal representative is <c>Residents[0]</c>.</item>
/// <item><c>SocialOrganizations[0]</c> is an active social group of 杭州市西湖区 whose legal representative is
/// the wife of <c>Residents[0]</c>.</item>
/// </list>
/// </remarks>
public sealed class SyntheticPopulation
{
    private SyntheticPopulation(
        List<Resident> residents,
        List<Enterprise> enterprises,
        List<CreditListEntry> creditListEntries,
        List<MarriageRegistration> marriageRegistrations,
        List<SocialOrganization> socialOrganizations)
    {
        Residents = residents.AsReadOnly();
        Enterprises = enterprises.AsReadOnly();
        CreditListEntries = creditListEntries.AsReadOnly();
        MarriageRegistrations = marriageRegistrations.AsReadOnly();
        SocialOrganizations = socialOrganizations.AsReadOnly();
    }

    public IReadOnlyList<Resident> Residents { get; }

    public IReadOnlyList<Enterprise> Enterprises { get; }

    /// <summary>Entries of the abnormal-operation and serious-violation lists, each naming its enterprise by credit code.</summary>
    public IReadOnlyList<CreditListEntry> CreditListEntries { get; }

    /// <summary>Marriage and divorce registrations; a divorce names the same couple as the marriage it ends.</summary>
    public IReadOnlyList<MarriageRegistration> MarriageRegistrations { get; }

    public IReadOnlyList<SocialOrganization> SocialOrganizations { get; }

    /// <summary>Generates the population; the same options always give equal data.</summary>
    public static SyntheticPopulation Generate(SyntheticPopulationOptions? options = null)
    {
        options ??= SyntheticPopulationOptions.Default;
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ResidentCount, 1);

        var residents = ResidentGeneration.Generate(options);
        var marriages = MarriageGeneration.Generate(residents, options);

        var latestAdultBirth = options.ReferenceDate.AddYears(-22);
        var adults = residents.Where(r => r.Status == ResidentStatus.Normal && r.BirthDate <= latestAdultBirth).ToList();
        var demoSubject = residents[0];
        var demoSpouse = marriages.Count > 0 && marriages[0].HusbandCitizenId == demoSubject.CitizenId
            ? residents.First(r => r.CitizenId == marriages[0].WifeCitizenId)
            : demoSubject;

        var codes = new CreditCodeRegistry();
        var enterprises = new EnterpriseGeneration(options, codes);
        enterprises.Generate(adults, demoSubject, options.EnterpriseCount);
        var socialOrganizations = new SocialOrganizationGeneration(options, codes)
            .Generate(adults, demoSpouse, options.SocialOrganizationCount);

        return new SyntheticPopulation(residents, enterprises.Enterprises, enterprises.CreditListEntries, marriages, socialOrganizations);
    }
}

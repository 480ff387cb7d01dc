using Exchange.Adapters.Shared;
using Exchange.Adapters.Shared.Licences;
using Exchange.SyntheticData;

namespace Exchange.Adapters.PublicSecurity.Licences;

/// <summary>
/// One resident identity card (居民身份证, type RIDC) per registered living resident. Validity follows the age at issue
/// (under 16: 5 years, 16-25: 10, 26-45: 20, older: long-term); about one card in 30 is left past its expiry, unrenewed.
/// </summary>
internal sealed class IdentityCardIssuance : ILicenceIssuance
{
    public const string TypeCode = "RIDC";

    public IReadOnlyList<LicenceDraft> Draft(SyntheticPopulation population, DateOnly validityReference)
    {
        var reference = validityReference;
        var drafts = new List<LicenceDraft>(population.Residents.Count);
        foreach (var resident in population.Residents.Where(r => r.Status == ResidentStatus.Normal))
        {
            var hash = StableHash.Of(resident.CitizenId);
            var issued = reference.AddDays(-(int)(hash % 1800));
            if (issued < resident.BirthDate)
                issued = resident.BirthDate.AddDays((int)(hash % 30));
            var years = ValidityYears(AgeOn(resident.BirthDate, issued));
            if (hash % 30 == 0 && years is { } lapsed)
                issued = reference.AddYears(-lapsed).AddDays(-(int)(hash % 200) - 1);
            if (issued < resident.BirthDate)
                issued = resident.BirthDate;
            drafts.Add(new LicenceDraft(TypeCode, resident.CitizenId, resident.Name, issued, years is { } y ? issued.AddYears(y) : null,
                new Dictionary<string, string>
                {
                    ["name"] = resident.Name,
                    ["gender"] = resident.Gender == Gender.Male ? "男" : "女",
                    ["ethnicity"] = resident.Ethnicity,
                    ["birth_date"] = IsoDate.Format(resident.BirthDate),
                    ["address"] = resident.RegisteredAddress,
                    ["citizen_id"] = resident.CitizenId,
                }));
        }
        return drafts;
    }

    private static int AgeOn(DateOnly birth, DateOnly day) => day.Year - birth.Year - (day < birth.AddYears(day.Year - birth.Year) ? 1 : 0);

    private static int? ValidityYears(int age) => age switch
    {
        < 16 => 5,
        <= 25 => 10,
        <= 45 => 20,
        _ => null,
    };
}

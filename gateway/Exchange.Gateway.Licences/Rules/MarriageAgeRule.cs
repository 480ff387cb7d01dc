using Exchange.Identifiers;
using Exchange.Protos.Catalog.V1;
using Exchange.Protos.Licence.V1;

namespace Exchange.Gateway.Licences.Rules;

/// <summary>The legal age of marriage, on the day of the check: 22 for a man, 20 for a woman (Civil Code art. 1047).</summary>
internal sealed class MarriageAgeRule : IMaterialRule
{
    private const string Basis = "《中华人民共和国民法典》第一千零四十七条；《婚姻登记条例》第六条";

    public string Code => "MARRIAGE-AGE";

    public bool AppliesTo(ServiceItem item) => item.RuleCodes.Contains(Code);

    public Task<IReadOnlyList<Finding>> CheckAsync(RuleContext context, CancellationToken cancellationToken)
    {
        var findings = new List<Finding>();
        foreach (var party in context.Persons)
        {
            var male = CitizenId.IsMale(party.HolderId);
            var legalAge = male ? 22 : 20;
            var birth = CitizenId.BirthDateOf(party.HolderId);
            var age = AgeOn(birth, context.Today);
            if (age >= legalAge)
                continue;
            findings.Add(Findings.FromIds(Code, FindingSeverity.Blocking, party, $"{party.Role.Title}未达法定婚龄",
                $"{party.Role.Title}出生于 {Findings.Iso(birth)}，至 {Findings.Iso(context.Today)} 为 {age} 周岁；{(male ? "男" : "女")}方结婚年龄不得早于 {legalAge} 周岁，" +
                $"{Findings.Iso(birth.AddYears(legalAge))} 起方可登记。", Basis,
                Findings.FromId("出生日期", Findings.Iso(birth)),
                Findings.FromId("周岁", age.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        }
        return Task.FromResult<IReadOnlyList<Finding>>(findings);
    }

    private static int AgeOn(DateOnly birth, DateOnly day) => day.Year - birth.Year - (day < birth.AddYears(day.Year - birth.Year) ? 1 : 0);
}

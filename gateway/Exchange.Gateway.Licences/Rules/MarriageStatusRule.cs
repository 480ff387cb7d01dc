using Exchange.Identifiers;
using Exchange.Protos.Catalog.V1;
using Exchange.Protos.CivilAffairs.V1;
using Exchange.Protos.Licence.V1;

namespace Exchange.Gateway.Licences.Rules;

/// <summary>
/// Neither party is married now: the latest civil-affairs event of each (marriage or divorce registration) decides
/// (Civil Code art. 1042, no bigamy; Marriage Registration Regulations art. 6).
/// </summary>
internal sealed class MarriageStatusRule : IMaterialRule
{
    private const string Basis = "《中华人民共和国民法典》第一千零四十二条、第一千零五十一条；《婚姻登记条例》第六条";

    public string Code => "MARRIAGE-NOT-MARRIED";

    public bool AppliesTo(ServiceItem item) => item.RuleCodes.Contains(Code);

    public async Task<IReadOnlyList<Finding>> CheckAsync(RuleContext context, CancellationToken cancellationToken)
    {
        var findings = new List<Finding>();
        var persons = context.Persons.ToList();
        var marriedToEachOtherFound = false;
        foreach (var party in persons)
        {
            var fact = await context.Facts.MarriageRecordsAsync(party.HolderId, cancellationToken);
            if (!fact.Read)
            {
                findings.Add(Findings.CannotCheck(Code, party, fact, $"{party.Role.Title}的婚姻登记记录", Basis));
                continue;
            }
            var latest = (fact.Value ?? []).OrderBy(r => r.RegisteredDate, StringComparer.Ordinal).ThenBy(r => r.Kind).LastOrDefault();
            if (latest is null || latest.Kind != MarriageRecordKind.Marriage)
                continue;
            var other = persons.FirstOrDefault(p => p != party && p.HolderId != party.HolderId);
            var toEachOther = other is not null && latest.SpouseMaskedCitizenId == CitizenId.Mask(other.HolderId);
            if (toEachOther && marriedToEachOtherFound)
                continue;
            marriedToEachOtherFound |= toEachOther;
            // Married to each other is one fact about both parties, said once; a spouse elsewhere is each party's own.
            findings.Add(Findings.New(Code, FindingSeverity.Blocking, toEachOther ? null : party, fact,
                toEachOther ? "双方已登记结婚" : $"{party.Role.Title}已有配偶",
                toEachOther
                    ? $"双方已于 {latest.RegisteredDate} 在{latest.RegistrationOffice}登记结婚（{latest.CertificateNumber}），此后无离婚登记，无需也不能再次登记。"
                    : $"{party.Role.Title}最近一次婚姻登记为 {latest.RegisteredDate} 与{latest.SpouseName}结婚，此后无离婚登记；有配偶者不得再行结婚。",
                Basis,
                Findings.Evidence("最近一次婚姻登记", $"结婚登记 {latest.RegisteredDate}", fact),
                Findings.Evidence("登记机关", latest.RegistrationOffice, fact),
                Findings.Evidence("结婚证字号", latest.CertificateNumber, fact),
                Findings.Evidence("配偶", $"{latest.SpouseName}（{latest.SpouseMaskedCitizenId}）", fact)));
        }
        return findings;
    }
}

using Exchange.Protos.Catalog.V1;
using Exchange.Protos.Licence.V1;
using Exchange.Protos.MarketRegulation.V1;

namespace Exchange.Gateway.Licences.Rules;

/// <summary>
/// 一处失信、处处受限: a person who is legal representative of an enterprise on the serious-violation list is refused
/// market entry (a new company, a new legal representative, a new social organisation); an enterprise on the
/// abnormal-operations list is a warning. Every person applying is checked, through the enterprises the market
/// regulation register lists for them.
/// </summary>
internal sealed class MarketEntryCreditRule : IMaterialRule
{
    private const string Basis = "《国务院关于建立完善守信联合激励和失信联合惩戒制度加快推进社会诚信建设的指导意见》（国发〔2016〕33号）；《企业信息公示暂行条例》第十八条";
    private const int MostEnterprisesChecked = 20;

    public string Code => "CREDIT-MARKET-ENTRY";

    public bool AppliesTo(ServiceItem item) => item.RuleCodes.Contains(Code);

    public async Task<IReadOnlyList<Finding>> CheckAsync(RuleContext context, CancellationToken cancellationToken)
    {
        var findings = new List<Finding>();
        var applying = context.Parties.Where(p => !p.IsPerson).Select(p => p.HolderId).ToHashSet(StringComparer.Ordinal);
        foreach (var party in context.Persons)
        {
            var represented = await context.Facts.RepresentedEnterprisesAsync(party.HolderId, cancellationToken);
            if (!represented.Read)
            {
                findings.Add(Findings.CannotCheck(Code, party, represented, $"{party.Role.Title}名下企业", Basis));
                continue;
            }
            // The applying enterprise's own listing is CREDIT-ENTERPRISE-LISTING's to show.
            foreach (var enterprise in (represented.Value ?? []).Where(e => !applying.Contains(e.CreditCode)).Take(MostEnterprisesChecked))
            {
                var credit = await context.Facts.CreditStatusAsync(enterprise.CreditCode, cancellationToken);
                if (!credit.Read)
                {
                    findings.Add(Findings.CannotCheck(Code, party, credit, $"{party.Role.Title}任法定代表人的{enterprise.Name}（{enterprise.CreditCode}）的信用状况", Basis));
                    continue;
                }
                foreach (var entry in credit.Value!.SeriousViolations.Where(e => e.RemovedDate.Length == 0))
                {
                    findings.Add(Findings.New(Code, FindingSeverity.Blocking, party, credit, $"{party.Role.Title}任法定代表人的企业被列入严重违法失信名单",
                        $"{party.Role.Title}（{party.HolderId}）是{enterprise.Name}（{enterprise.CreditCode}）的法定代表人，该企业于 {entry.ListedDate} 由{entry.DecidingAuthority}" +
                        $"列入严重违法失信名单（{entry.Reason}），尚未移出；依法限制其市场准入，不予受理。",
                        Basis, Evidence(enterprise, entry, "严重违法失信名单", credit)));
                }
                foreach (var entry in credit.Value.AbnormalOperations.Where(e => e.RemovedDate.Length == 0))
                {
                    findings.Add(Findings.New(Code, FindingSeverity.Warning, party, credit, $"{party.Role.Title}任法定代表人的企业被列入经营异常名录",
                        $"{enterprise.Name}（{enterprise.CreditCode}）于 {entry.ListedDate} 由{entry.DecidingAuthority}列入经营异常名录（{entry.Reason}），尚未移出；请重点审查。",
                        Basis, Evidence(enterprise, entry, "经营异常名录", credit)));
                }
            }
        }
        return findings;
    }

    internal static Fact[] Evidence<T>(Enterprise enterprise, CreditListEntry entry, string list, Facts.SharedFact<T> source) where T : class =>
    [
        Findings.Evidence("企业", $"{enterprise.Name}（{enterprise.CreditCode}）", source),
        Findings.Evidence("名单", list, source),
        Findings.Evidence("列入原因", entry.Reason, source),
        Findings.Evidence("列入日期", entry.ListedDate, source),
        Findings.Evidence("作出决定机关", entry.DecidingAuthority, source),
    ];
}

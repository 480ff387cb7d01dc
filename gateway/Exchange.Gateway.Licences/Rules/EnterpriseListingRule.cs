using Exchange.Protos.Catalog.V1;
using Exchange.Protos.Licence.V1;
using Exchange.Protos.MarketRegulation.V1;

namespace Exchange.Gateway.Licences.Rules;

/// <summary>
/// A change registration shows the applying enterprise's own standing: not in existence (revoked, deregistered) stops it;
/// its entries on the serious-violation or abnormal-operations list are shown to the clerk.
/// </summary>
internal sealed class EnterpriseListingRule : IMaterialRule
{
    private const string Basis = "《中华人民共和国市场主体登记管理条例》第二十四条；《企业信息公示暂行条例》第十八条";

    public string Code => "CREDIT-ENTERPRISE-LISTING";

    public bool AppliesTo(ServiceItem item) => item.RuleCodes.Contains(Code);

    public async Task<IReadOnlyList<Finding>> CheckAsync(RuleContext context, CancellationToken cancellationToken)
    {
        var findings = new List<Finding>();
        foreach (var party in context.Parties.Where(p => !p.IsPerson))
        {
            var registered = await context.Facts.EnterpriseAsync(party.HolderId, cancellationToken);
            if (!registered.Read)
                findings.Add(Findings.CannotCheck(Code, party, registered, "申请企业的登记状态", Basis));
            else if (registered.Value is null)
                findings.Add(Findings.New(Code, FindingSeverity.Blocking, party, registered, "申请企业未登记",
                    $"市场主体登记中没有统一社会信用代码 {party.HolderId}。", Basis, Findings.Evidence("统一社会信用代码", party.HolderId, registered)));
            else if (registered.Value.Status is EnterpriseStatus.Revoked or EnterpriseStatus.Deregistered)
                findings.Add(Findings.New(Code, FindingSeverity.Blocking, party, registered, "申请企业已不存续",
                    $"{registered.Value.Name}（{party.HolderId}）登记状态为{(registered.Value.Status == EnterpriseStatus.Revoked ? "吊销" : "注销")}，不能办理变更登记。", Basis,
                    Findings.Evidence("登记状态", registered.Value.Status == EnterpriseStatus.Revoked ? "吊销" : "注销", registered)));

            var credit = await context.Facts.CreditStatusAsync(party.HolderId, cancellationToken);
            if (!credit.Read)
            {
                findings.Add(Findings.CannotCheck(Code, party, credit, "申请企业的信用状况", Basis));
                continue;
            }
            if (credit.Value is null)
                continue;
            var enterprise = registered.Value ?? new Enterprise { CreditCode = party.HolderId };
            foreach (var entry in credit.Value.SeriousViolations.Where(e => e.RemovedDate.Length == 0))
            {
                findings.Add(Findings.New(Code, FindingSeverity.Warning, party, credit, "申请企业被列入严重违法失信名单",
                    $"申请企业于 {entry.ListedDate} 由{entry.DecidingAuthority}列入严重违法失信名单（{entry.Reason}），尚未移出；其新任法定代表人等事项依法受限，请重点审查。",
                    Basis, MarketEntryCreditRule.Evidence(enterprise, entry, "严重违法失信名单", credit)));
            }
            foreach (var entry in credit.Value.AbnormalOperations.Where(e => e.RemovedDate.Length == 0))
            {
                findings.Add(Findings.New(Code, FindingSeverity.Warning, party, credit, "申请企业被列入经营异常名录",
                    $"申请企业于 {entry.ListedDate} 由{entry.DecidingAuthority}列入经营异常名录（{entry.Reason}），尚未移出。",
                    Basis, MarketEntryCreditRule.Evidence(enterprise, entry, "经营异常名录", credit)));
            }
        }
        return findings;
    }
}

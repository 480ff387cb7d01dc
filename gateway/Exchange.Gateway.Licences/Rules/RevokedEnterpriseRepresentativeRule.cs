using Exchange.Protos.Catalog.V1;
using Exchange.Protos.Licence.V1;
using Exchange.Protos.MarketRegulation.V1;

namespace Exchange.Gateway.Licences.Rules;

/// <summary>
/// Company Law art. 178: the legal representative of a company whose licence was revoked for breaking the law, personally
/// responsible, may not be a director or officer for three years from the revocation. The register shows the revoked
/// status but neither the revocation date nor personal responsibility, so this is a warning for the clerk to verify.
/// </summary>
internal sealed class RevokedEnterpriseRepresentativeRule : IMaterialRule
{
    private const string Basis = "《中华人民共和国公司法》第一百七十八条第一款第（四）项";

    public string Code => "COMPANY-LAW-178";

    public bool AppliesTo(ServiceItem item) => item.RuleCodes.Contains(Code);

    public async Task<IReadOnlyList<Finding>> CheckAsync(RuleContext context, CancellationToken cancellationToken)
    {
        var findings = new List<Finding>();
        foreach (var party in context.Persons)
        {
            var represented = await context.Facts.RepresentedEnterprisesAsync(party.HolderId, cancellationToken);
            if (!represented.Read)
            {
                findings.Add(Findings.CannotCheck(Code, party, represented, $"{party.Role.Title}名下企业的登记状态", Basis));
                continue;
            }
            foreach (var enterprise in (represented.Value ?? []).Where(e => e.Status == EnterpriseStatus.Revoked))
            {
                findings.Add(Findings.New(Code, FindingSeverity.Warning, party, represented, $"{party.Role.Title}曾任被吊销营业执照企业的法定代表人",
                    $"{party.Role.Title}（{party.HolderId}）是{enterprise.Name}（{enterprise.CreditCode}）的法定代表人，该企业登记状态为吊销。" +
                    "对吊销负有个人责任的，自吊销之日起未逾三年不得担任法定代表人；共享数据未含吊销日期和责任认定，请向登记机关核实后再受理。",
                    Basis,
                    Findings.Evidence("企业", $"{enterprise.Name}（{enterprise.CreditCode}）", represented),
                    Findings.Evidence("登记状态", "吊销", represented)));
            }
        }
        return findings;
    }
}

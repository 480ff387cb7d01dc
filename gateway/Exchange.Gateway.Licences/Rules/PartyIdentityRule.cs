using Exchange.Protos.Catalog.V1;
using Exchange.Protos.Licence.V1;
using Exchange.Protos.PublicSecurity.V1;

namespace Exchange.Gateway.Licences.Rules;

/// <summary>Every person applying exists in the population register and is alive, with a registration in force.</summary>
internal sealed class PartyIdentityRule : IMaterialRule
{
    private const string Basis = "《中华人民共和国居民身份证法》第十三条；《中华人民共和国户口登记条例》第八条";

    public string Code => "IDENTITY-ALIVE";

    public bool AppliesTo(ServiceItem item) => true;

    public async Task<IReadOnlyList<Finding>> CheckAsync(RuleContext context, CancellationToken cancellationToken)
    {
        var findings = new List<Finding>();
        foreach (var party in context.Persons)
        {
            var fact = await context.Facts.ResidentAsync(party.HolderId, cancellationToken);
            if (!fact.Read)
            {
                findings.Add(Findings.CannotCheck(Code, party, fact, $"{party.Role.Title}的户籍状态", Basis));
                continue;
            }
            var id = Findings.Evidence("公民身份号码", party.HolderId, fact);
            switch (fact.Value?.Status)
            {
                case null:
                    findings.Add(Findings.New(Code, FindingSeverity.Blocking, party, fact, $"{party.Role.Title}身份无法确认",
                        $"公安人口库中没有公民身份号码 {party.HolderId}，请核对号码或查验申请人的身份证件原件。", Basis, id));
                    break;
                case ResidentStatus.Deceased:
                    findings.Add(Findings.New(Code, FindingSeverity.Blocking, party, fact, $"{party.Role.Title}已死亡",
                        $"公安人口库登记 {fact.Value.Name}（{party.HolderId}）户籍状态为死亡，不能作为申请人办理。", Basis,
                        id, Findings.Evidence("户籍状态", "死亡", fact)));
                    break;
                case ResidentStatus.Cancelled:
                    findings.Add(Findings.New(Code, FindingSeverity.Blocking, party, fact, $"{party.Role.Title}户口已注销",
                        $"公安人口库登记 {fact.Value.Name}（{party.HolderId}）户口已注销，请申请人提供身份证明后人工核实。", Basis,
                        id, Findings.Evidence("户籍状态", "注销", fact)));
                    break;
                case ResidentStatus.Unspecified:
                    findings.Add(Findings.CannotCheck(Code, party, fact with { NotRead = "授权数据项中不含户籍状态（status）" }, $"{party.Role.Title}的户籍状态", Basis));
                    break;
            }
        }
        return findings;
    }
}

using Exchange.Identifiers;
using Exchange.Protos.Catalog.V1;
using Exchange.Protos.Licence.V1;

namespace Exchange.Gateway.Licences.Rules;

/// <summary>A marriage is registered between one man and one woman, two different people (Civil Code arts. 1046, 1049).</summary>
internal sealed class MarriagePartiesRule : IMaterialRule
{
    private const string Basis = "《中华人民共和国民法典》第一千零四十六条、第一千零四十九条";

    public string Code => "MARRIAGE-PARTIES";

    public bool AppliesTo(ServiceItem item) => item.RuleCodes.Contains(Code);

    public Task<IReadOnlyList<Finding>> CheckAsync(RuleContext context, CancellationToken cancellationToken)
    {
        var man = context.InRole("applicant");
        var woman = context.InRole("spouse");
        var findings = new List<Finding>();
        if (man is not null && woman is not null && man.HolderId == woman.HolderId)
        {
            findings.Add(Findings.FromIds(Code, FindingSeverity.Blocking, null, "双方当事人为同一人",
                $"男方与女方填写了同一公民身份号码 {man.HolderId}，结婚登记须由男女双方共同申请。", Basis,
                Findings.FromId("男方公民身份号码", man.HolderId), Findings.FromId("女方公民身份号码", woman.HolderId)));
            return Task.FromResult<IReadOnlyList<Finding>>(findings);
        }
        if (man is not null && !CitizenId.IsMale(man.HolderId))
        {
            findings.Add(Findings.FromIds(Code, FindingSeverity.Blocking, man, "男方当事人不是男性",
                $"公民身份号码 {man.HolderId} 第 17 位为偶数，登记性别为女；结婚登记须一男一女。", Basis, Findings.FromId("性别", "女")));
        }
        if (woman is not null && CitizenId.IsMale(woman.HolderId))
        {
            findings.Add(Findings.FromIds(Code, FindingSeverity.Blocking, woman, "女方当事人不是女性",
                $"公民身份号码 {woman.HolderId} 第 17 位为奇数，登记性别为男；结婚登记须一男一女。", Basis, Findings.FromId("性别", "男")));
        }
        return Task.FromResult<IReadOnlyList<Finding>>(findings);
    }
}

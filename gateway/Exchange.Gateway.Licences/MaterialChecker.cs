using Exchange.Gateway.Catalog;
using Exchange.Gateway.Grants;
using Exchange.Gateway.Licences.Facts;
using Exchange.Gateway.Licences.Rules;
using Exchange.Gateway.Routing;
using Exchange.Identifiers;
using Exchange.Protos.Catalog.V1;
using Exchange.Protos.Licence.V1;
using Exchange.ServiceDefaults.Errors;

namespace Exchange.Gateway.Licences;

/// <summary>
/// Decides, for one service item and its applicants, which materials need not be submitted (免提交) and what the shared
/// data says about the applicants. A material that an e-licence replaces is exempt when the holder has a valid, verified
/// licence of that type now (else: not issued, revoked or expired, said so); one that a data resource replaces is exempt
/// when the handling department may read that resource and the record confirms the holder. The item's rules
/// (<see cref="IMaterialRule"/>) then look at the facts behind the paper: identity and life status, marriage eligibility,
/// credit restrictions. Only the department that handles the item checks it, under its own grants. Texts are for clerks, in Chinese.
/// </summary>
internal sealed class MaterialChecker(
    IServiceItemSource items,
    IHolderLicenceSource broker,
    LicenceIssuers issuers,
    CatalogState catalog,
    GrantAuthorizer grants,
    IFactSources providerFacts,
    IEnumerable<IMaterialRule> rules,
    TimeProvider time)
{
    private readonly IReadOnlyList<IMaterialRule> _rules = [.. rules];

    public async Task<MaterialCheckResult> CheckAsync(
        string itemCode, IReadOnlyList<Applicant> applicants, LicenceRequester requester, CancellationToken cancellationToken)
    {
        var item = ServiceItems.HandledBy(await items.GetAsync(itemCode, cancellationToken), requester.Department);
        requester = requester with { ServiceItem = item };
        var holders = HoldersByRole(item, applicants);
        var parties = item.Roles.Where(r => holders.ContainsKey(r.Code)).Select(r => new Party(r, holders[r.Code])).ToList();
        var facts = providerFacts.For(requester);

        var licenceHolders = item.Materials
            .Where(m => m.ReplacementCase == Material.ReplacementOneofCase.LicenceTypeCode)
            .Select(m => holders[m.Role])
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var lists = await Task.WhenAll(licenceHolders.Select(h => broker.ListByHolderAsync(h, requester, cancellationToken)));
        var licencesOf = licenceHolders.Zip(lists).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);

        var checks = new List<MaterialCheck>();
        var uses = new List<LicenceUse>();
        foreach (var material in item.Materials)
        {
            var holder = holders[material.Role];
            var check = new MaterialCheck { MaterialCode = material.Code, MaterialName = material.Name, Role = material.Role, HolderId = holder };
            switch (material.ReplacementCase)
            {
                case Material.ReplacementOneofCase.LicenceTypeCode:
                    ByLicence(check, material.LicenceTypeCode, licencesOf[holder], uses);
                    break;
                case Material.ReplacementOneofCase.ResourceCode:
                    await ByResourceAsync(check, material.ResourceCode, requester.Department, facts, cancellationToken);
                    break;
                default:
                    check.Outcome = MaterialOutcome.NoReplacement;
                    check.Reason = material.Note.Length > 0 ? material.Note : "该材料无可替代的电子证照或共享数据，须提交。";
                    break;
            }
            checks.Add(check);
        }

        var context = new RuleContext(item, parties, facts, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        var found = await Task.WhenAll(_rules.Where(r => r.AppliesTo(item)).Select(r => r.CheckAsync(context, cancellationToken)));
        var unknown = item.RuleCodes.Distinct(StringComparer.Ordinal).Where(code => !_rules.Any(r => r.Code == code)).Select(Findings.UnknownRule);
        var findings = found.SelectMany(f => f).Concat(unknown).OrderBy(f => SeverityOrder(f.Severity)).ToList();
        var (partyChecks, registered) = await PartiesAsync(parties, facts, cancellationToken);
        return new MaterialCheckResult(item, checks, uses, findings, partyChecks, registered);
    }

    private static int SeverityOrder(FindingSeverity severity) => severity switch
    {
        FindingSeverity.Blocking => 0,
        FindingSeverity.Warning => 1,
        _ => 2,
    };

    private void ByLicence(MaterialCheck check, string typeCode, HolderLicences licences, List<LicenceUse> uses)
    {
        var typeName = LicenceTypeNames.Of(typeCode);
        var issuer = issuers.ForType(typeCode)?.Department ?? string.Empty;
        check.SourceDepartment = issuer;
        var found = licences.Licences.FirstOrDefault(l => l.Licence.TypeCode == typeCode);
        if (found is not null)
        {
            var licence = found.Licence;
            check.Exempt = true;
            check.Outcome = MaterialOutcome.Exempt;
            check.LicenceNumber = licence.LicenceNumber;
            check.Reason = $"免提交：由{typeName}电子证照 {licence.LicenceNumber} 替代，签名与状态已核验有效。";
            check.Confirmed.Add(LicenceFact("证照编号", licence.LicenceNumber, licence));
            check.Confirmed.Add(LicenceFact("状态", "有效（签发部门签名已核验）", licence));
            check.Confirmed.Add(LicenceFact("有效期至", licence.ExpiryDate.Length > 0 ? licence.ExpiryDate : "长期", licence));
            uses.Add(new LicenceUse(licence.LicenceNumber, typeCode, check.HolderId, "CheckMaterials"));
            return;
        }
        var silent = licences.Silent.FirstOrDefault(i => string.Equals(i.IssuerDepartmentCode, issuer, StringComparison.Ordinal));
        var lapsed = licences.Lapsed.Where(l => l.Licence.TypeCode == typeCode).Select(l => l.Licence).ToList();
        var revoked = lapsed.FirstOrDefault(l => l.Status == LicenceStatus.Revoked);
        var expired = lapsed.FirstOrDefault(l => l.Status == LicenceStatus.Expired);
        if (silent is not null)
        {
            check.Outcome = MaterialOutcome.Unavailable;
            check.Reason = $"须提交：签发部门 {silent.IssuerDepartmentCode} 暂时无法查询（{silent.Problem}），可稍后重新核验。";
        }
        else if (expired is not null)
        {
            check.Outcome = MaterialOutcome.Expired;
            check.LicenceNumber = expired.LicenceNumber;
            check.Reason = $"须提交：{typeName}电子证照 {expired.LicenceNumber} 已于 {expired.ExpiryDate} 过期，请持有人换领后再核验，或提交有效证件。";
        }
        else if (revoked is not null)
        {
            check.Outcome = MaterialOutcome.Revoked;
            check.LicenceNumber = revoked.LicenceNumber;
            var reason = revoked.RevocationReason.Length > 0 ? $"（{revoked.RevocationReason}）" : string.Empty;
            check.Reason = $"须提交：{typeName}电子证照 {revoked.LicenceNumber} 已于 {DayOf(revoked.RevokedAt)} 被签发部门注销{reason}，不能替代纸质材料。";
        }
        else
        {
            check.Outcome = MaterialOutcome.NotIssued;
            check.Reason = $"须提交：{check.HolderId} 未领取{typeName}电子证照。";
        }
    }

    private static string DayOf(string instant) => instant.Length >= 10 ? instant[..10] : instant;

    private static Fact LicenceFact(string name, string value, Licence licence) =>
        new() { Name = name, Value = value, SourceDepartment = licence.IssuerDepartmentCode, Source = licence.LicenceNumber };

    private async Task ByResourceAsync(MaterialCheck check, string resourceCode, string department, IFactSource facts, CancellationToken cancellationToken)
    {
        if (catalog.Current?.ResourcesByCode.GetValueOrDefault(resourceCode) is not { } resource)
        {
            check.Outcome = MaterialOutcome.NotShared;
            check.Reason = $"须提交：数据资源 {resourceCode} 目前未在资源目录中发布。";
            return;
        }
        check.SourceDepartment = resource.ProviderDepartmentCode;
        var method = new PublishedMethod(resource.GrpcService, resource.GrpcMethods.FirstOrDefault() ?? string.Empty, resource, resource.Endpoint);
        var decision = grants.Decide(department, method);
        if (!decision.Allowed)
        {
            check.Outcome = MaterialOutcome.NotShared;
            check.Reason = $"须提交：{department} 目前无权使用数据资源 {resource.Code}（{resource.Name}）：{decision.Denial}";
            return;
        }
        var confirmed = await SharedRecordFacts.ConfirmAsync(resource.Code, check.HolderId, facts, cancellationToken);
        if (confirmed is { NotRead: { } why })
        {
            check.Outcome = MaterialOutcome.Unavailable;
            check.Reason = $"须提交：未能读取 {resource.Code}（{resource.Name}）：{why}";
            return;
        }
        if (confirmed is { Facts: null })
        {
            check.Outcome = MaterialOutcome.NoRecord;
            check.Reason = $"须提交：{resource.Name}中没有 {check.HolderId} 的记录，不能以共享数据替代。";
            return;
        }
        check.Exempt = true;
        check.Outcome = MaterialOutcome.Exempt;
        check.ResourceCode = resource.Code;
        check.Confirmed.Add(confirmed?.Facts ?? []);
        check.Reason = confirmed is null
            ? $"免提交：可通过共享数据资源 {resource.Code}（{resource.Name}）核查，已确认 {department} 有权使用。"
            : $"免提交：已通过共享数据资源 {resource.Code}（{resource.Name}）核实{(confirmed.Facts!.Count > 0 ? "：" + string.Join("，", confirmed.Facts.Select(f => $"{f.Name} {f.Value}")) : "")}。";
    }

    /// <summary>What the registers confirmed about each applicant; true when every applicant is on record (a real case, for the statistics).</summary>
    private static async Task<(IReadOnlyList<PartyCheck> Parties, bool AllRegistered)> PartiesAsync(
        IReadOnlyList<Party> parties, IFactSource facts, CancellationToken cancellationToken)
    {
        var checks = new List<PartyCheck>();
        var allRegistered = true;
        foreach (var party in parties)
        {
            var check = new PartyCheck { Role = party.Role.Code, RoleTitle = party.Role.Title, HolderId = party.HolderId };
            var record = await SharedRecordFacts.ConfirmAsync(
                party.IsPerson ? SharedResources.Residents : HolderIdentifier.IsOrganisation(party.HolderId) && party.HolderId[0] == '5' ? SharedResources.SocialOrganizations : SharedResources.EnterpriseBasic,
                party.HolderId, facts, cancellationToken);
            if (record?.Facts is { } known)
            {
                check.Facts.Add(known);
                check.Name = known.FirstOrDefault(f => f.Name is "姓名" or "名称")?.Value ?? string.Empty;
                if (party.IsPerson && known.Any(f => f.Name == "户籍状态" && f.Value != "正常"))
                    allRegistered = false;
            }
            else
            {
                allRegistered = false;
            }
            checks.Add(check);
        }
        return (checks, allRegistered);
    }

    /// <summary>The holder of each role, checked: every role known, every role with materials present, ids valid and of the role's kind.</summary>
    private static Dictionary<string, string> HoldersByRole(ServiceItem item, IReadOnlyList<Applicant> applicants)
    {
        var roles = item.Roles.ToDictionary(r => r.Code, StringComparer.Ordinal);
        var holders = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < applicants.Count; i++)
        {
            var applicant = applicants[i];
            if (!roles.TryGetValue(applicant.Role, out var role))
            {
                throw new InvalidFieldException($"applicants[{i}].role",
                    $"'{applicant.Role}' is not a role of {item.Code}; its roles are {string.Join(", ", item.Roles.Select(r => $"{r.Code} ({r.Title})"))}");
            }
            var holder = LicenceBroker.ValidHolder(applicant.HolderId, $"applicants[{i}].holder_id");
            if (role.HolderKind == HolderKind.Person && !HolderIdentifier.IsPerson(holder))
                throw new InvalidFieldException($"applicants[{i}].holder_id", $"must be a citizen id: role {role.Code} ({role.Title}) is a person");
            if (role.HolderKind == HolderKind.Organization && !HolderIdentifier.IsOrganisation(holder))
                throw new InvalidFieldException($"applicants[{i}].holder_id", $"must be a unified social credit code: role {role.Code} ({role.Title}) is an organisation");
            if (!holders.TryAdd(role.Code, holder))
                throw new InvalidFieldException($"applicants[{i}].role", $"names role {role.Code} a second time");
        }
        foreach (var role in item.Materials.Select(m => m.Role).Distinct(StringComparer.Ordinal))
        {
            if (!holders.ContainsKey(role))
            {
                var title = roles.TryGetValue(role, out var known) ? known.Title : role;
                throw new InvalidFieldException("applicants", $"has no applicant for role {role} ({title}), whose materials {item.Code} requires");
            }
        }
        return holders;
    }
}

internal sealed record MaterialCheckResult(
    ServiceItem Item,
    IReadOnlyList<MaterialCheck> Checks,
    IReadOnlyList<LicenceUse> Uses,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<PartyCheck> Parties,
    bool AllPartiesRegistered)
{
    public int Exempted => Checks.Count(c => c.Exempt);

    public bool Blocked => Findings.Any(f => f.Severity == FindingSeverity.Blocking);
}

using Exchange.Gateway.Catalog;
using Exchange.Gateway.Grants;
using Exchange.Gateway.Routing;
using Exchange.Identifiers;
using Exchange.Protos.Catalog.V1;
using Exchange.Protos.Licence.V1;
using Exchange.ServiceDefaults.Errors;

namespace Exchange.Gateway.Licences;

/// <summary>
/// Decides, for one service item and its applicants, which materials need not be submitted (免提交): a material that
/// an e-licence replaces is exempt when the holder has a valid, verified licence of that type now; one that a data
/// resource replaces is exempt when the handling department may call that resource now. Only the department that
/// handles the item checks it, and it uses licences under the item's materials (as a counter call naming the item
/// does). Reasons are for clerks, in Chinese.
/// </summary>
internal sealed class MaterialChecker(ServiceItems items, LicenceBroker broker, LicenceIssuers issuers, CatalogState catalog, GrantAuthorizer grants)
{
    public async Task<MaterialCheckResult> CheckAsync(
        string itemCode, IReadOnlyList<Applicant> applicants, LicenceRequester requester, CancellationToken cancellationToken)
    {
        var item = ServiceItems.HandledBy(await items.GetAsync(itemCode, cancellationToken), requester.Department);
        requester = requester with { ServiceItem = item };
        var holders = HoldersByRole(item, applicants);

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
                    ByResource(check, material.ResourceCode, requester.Department);
                    break;
                default:
                    check.Reason = material.Note.Length > 0 ? material.Note : "该材料无可替代的电子证照或共享数据，须提交。";
                    break;
            }
            checks.Add(check);
        }
        return new MaterialCheckResult(item, checks, uses);
    }

    private void ByLicence(MaterialCheck check, string typeCode, HolderLicences licences, List<LicenceUse> uses)
    {
        var typeName = LicenceTypeNames.Of(typeCode);
        var found = licences.Licences.FirstOrDefault(l => l.Licence.TypeCode == typeCode);
        if (found is not null)
        {
            check.Exempt = true;
            check.LicenceNumber = found.Licence.LicenceNumber;
            check.Reason = $"免提交：由{typeName}电子证照 {found.Licence.LicenceNumber} 替代，签名与状态已核验有效。";
            uses.Add(new LicenceUse(found.Licence.LicenceNumber, typeCode, check.HolderId, "CheckMaterials"));
            return;
        }
        var issuer = issuers.ForType(typeCode)?.Department;
        var silent = licences.Silent.FirstOrDefault(i => string.Equals(i.IssuerDepartmentCode, issuer, StringComparison.Ordinal));
        check.Reason = silent is null
            ? $"须提交：未查到 {check.HolderId} 有效的{typeName}电子证照。"
            : $"须提交：签发部门 {silent.IssuerDepartmentCode} 暂时无法查询（{silent.Problem}），可稍后重新核验。";
    }

    private void ByResource(MaterialCheck check, string resourceCode, string department)
    {
        if (catalog.Current?.ResourcesByCode.GetValueOrDefault(resourceCode) is not { } resource)
        {
            check.Reason = $"须提交：数据资源 {resourceCode} 目前未在资源目录中发布。";
            return;
        }
        var method = new PublishedMethod(resource.GrpcService, resource.GrpcMethods.FirstOrDefault() ?? string.Empty, resource, resource.Endpoint);
        var decision = grants.Decide(department, method);
        if (!decision.Allowed)
        {
            check.Reason = $"须提交：{department} 目前无权使用数据资源 {resource.Code}（{resource.Name}）：{decision.Denial}";
            return;
        }
        check.Exempt = true;
        check.ResourceCode = resource.Code;
        check.Reason = $"免提交：可通过共享数据资源 {resource.Code}（{resource.Name}）核查，已确认 {department} 有权使用。";
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

internal sealed record MaterialCheckResult(ServiceItem Item, IReadOnlyList<MaterialCheck> Checks, IReadOnlyList<LicenceUse> Uses)
{
    public int Exempted => Checks.Count(c => c.Exempt);
}

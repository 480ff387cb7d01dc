using Exchange.Protos.Licence.V1;
using Exchange.Protos.MarketRegulation.V1;
using Exchange.Protos.PublicSecurity.V1;
using Google.Protobuf;
using SocialOrganizationStatus = Exchange.Protos.CivilAffairs.V1.SocialOrganizationStatus;

namespace Exchange.Gateway.Licences.Facts;

/// <summary>What one shared record confirmed about a holder; <see cref="Facts"/> null when the register has no record of them.</summary>
internal sealed record RecordFacts(IReadOnlyList<Fact>? Facts, string? NotRead);

/// <summary>
/// The facts a shared record confirms when it replaces a paper material (the household register for 户口簿, the enterprise
/// register for a licence copy), read with the department's granted items only: an item not granted is not shown.
/// </summary>
internal static class SharedRecordFacts
{
    /// <summary>The record's facts, or null for a resource the checker cannot read as a record (then only the grant is checked).</summary>
    public static async Task<RecordFacts?> ConfirmAsync(string resourceCode, string holderId, IFactSource facts, CancellationToken cancellationToken)
    {
        switch (resourceCode)
        {
            case SharedResources.Residents:
                return From(await facts.ResidentAsync(holderId, cancellationToken), r =>
                [
                    Named("姓名", r.Name),
                    Named("性别", r.Gender switch { Gender.Male => "男", Gender.Female => "女", _ => string.Empty }),
                    Named("出生日期", r.BirthDate),
                    Named("户籍状态", r.Status switch
                    {
                        ResidentStatus.Normal => "正常",
                        ResidentStatus.Deceased => "死亡",
                        ResidentStatus.Cancelled => "注销",
                        _ => string.Empty,
                    }),
                ]);
            case SharedResources.EnterpriseBasic:
                return From(await facts.EnterpriseAsync(holderId, cancellationToken), e =>
                [
                    Named("名称", e.Name),
                    Named("法定代表人", e.LegalRepresentativeName),
                    Named("登记状态", e.Status switch
                    {
                        EnterpriseStatus.Active => "存续",
                        EnterpriseStatus.Revoked => "吊销",
                        EnterpriseStatus.Deregistered => "注销",
                        _ => string.Empty,
                    }),
                ]);
            case SharedResources.CreditStatus:
                return From(await facts.CreditStatusAsync(holderId, cancellationToken), c =>
                [
                    Named("严重违法失信名单", Listing(c.SeriousViolations)),
                    Named("经营异常名录", Listing(c.AbnormalOperations)),
                ]);
            case SharedResources.SocialOrganizations:
                return From(await facts.SocialOrganizationAsync(holderId, cancellationToken), o =>
                [
                    Named("名称", o.Name),
                    Named("法定代表人", o.LegalRepresentativeName),
                    Named("登记状态", o.Status switch
                    {
                        SocialOrganizationStatus.Active => "正常",
                        SocialOrganizationStatus.Revoked => "撤销",
                        SocialOrganizationStatus.Deregistered => "注销",
                        _ => string.Empty,
                    }),
                ]);
            default:
                return null;
        }
    }

    private static string Listing(IReadOnlyList<CreditListEntry> entries)
    {
        var standing = entries.Where(e => e.RemovedDate.Length == 0).ToList();
        return standing.Count == 0 ? "未列入" : string.Join("；", standing.Select(e => $"{e.ListedDate} 列入（{e.Reason}）"));
    }

    private static RecordFacts From<T>(SharedFact<T> fact, Func<T, Fact[]> confirm) where T : class, IMessage
    {
        if (!fact.Read)
            return new RecordFacts(null, fact.NotRead);
        if (fact.Value is null)
            return new RecordFacts(null, null);
        var confirmed = confirm(fact.Value).Where(f => f.Value.Length > 0).ToList();
        foreach (var f in confirmed)
        {
            f.SourceDepartment = fact.Department;
            f.Source = fact.ResourceCode;
        }
        return new RecordFacts(confirmed, null);
    }

    private static Fact Named(string name, string value) => new() { Name = name, Value = value };
}

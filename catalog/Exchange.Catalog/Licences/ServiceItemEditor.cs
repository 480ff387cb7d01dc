using Exchange.Catalog.Domain;
using Exchange.Catalog.Store;
using Exchange.Protos.Catalog.V1;
using Exchange.ServiceDefaults.Errors;
using Microsoft.EntityFrameworkCore;

namespace Exchange.Catalog.Licences;

/// <summary>
/// Creates and changes service items for the admin UI. A save names the revision it was edited from, so two
/// administrators editing one item cannot silently overwrite each other; every save is logged with who made it.
/// The gateway reads the change within its service-item refresh interval (Licences:CatalogRefreshInterval).
/// </summary>
public sealed partial class ServiceItemEditor(
    CatalogDbContext db, DepartmentRegistry departments, ResourceCatalog resources, TimeProvider time, ILogger<ServiceItemEditor> logger)
{
    public async Task<IReadOnlyList<(string Field, string Reason)>> ProblemsAsync(ServiceItem item, CancellationToken cancellationToken)
    {
        var known = (await departments.ListAsync(cancellationToken)).Select(d => d.Code).ToHashSet(StringComparer.Ordinal);
        var published = await resources.ListPublishedAsync(string.Empty, cancellationToken);
        return ServiceItemDefinitionRules.Problems(item, new ServiceItemReferences(known, published));
    }

    public async Task<ServiceItemRecord?> FindAsync(string code, CancellationToken cancellationToken) =>
        await db.ServiceItems.AsNoTracking().SingleOrDefaultAsync(r => r.Code == code, cancellationToken);

    /// <summary>
    /// Saves the item: a new one when <paramref name="editedRevision"/> is null, else a change of the revision the form
    /// was read at. Returns the new revision. Refuses (changing nothing) a malformed item, a taken code, a missing item,
    /// or a revision someone else has saved over.
    /// </summary>
    public async Task<int> SaveAsync(ServiceItem item, int? editedRevision, string administrator, CancellationToken cancellationToken)
    {
        if ((await ProblemsAsync(item, cancellationToken)).FirstOrDefault() is { Field: not null } first)
            throw new InvalidFieldException($"service_item.{first.Field}", first.Reason);

        var saved = ServiceItemCatalog.ToRecord(item);
        saved.UpdatedAt = time.GetUtcNow();
        saved.UpdatedBy = administrator;
        if (editedRevision is null)
        {
            if (await db.ServiceItems.AnyAsync(r => r.Code == item.Code, cancellationToken))
                throw new AlreadyExistsException($"办事事项 {item.Code} 已存在。");
            saved.Revision = 1;
            db.ServiceItems.Add(saved);
        }
        else
        {
            var current = await db.ServiceItems.SingleOrDefaultAsync(r => r.Code == item.Code, cancellationToken)
                          ?? throw new NotFoundException($"办事事项 {item.Code} 不存在。");
            if (current.Revision != editedRevision)
                throw Stale(item.Code, current);
            current.Name = saved.Name;
            current.DepartmentCode = saved.DepartmentCode;
            current.Roles = saved.Roles;
            current.Materials = saved.Materials;
            current.RuleCodes = saved.RuleCodes;
            current.UpdatedAt = saved.UpdatedAt;
            current.UpdatedBy = saved.UpdatedBy;
            current.Revision = editedRevision.Value + 1;
            saved = current;
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw Stale(item.Code, null);
        }
        LogSaved(item.Code, saved.Revision, administrator, item.Materials.Count, string.Join(",", item.RuleCodes));
        return saved.Revision;
    }

    private static PreconditionFailedException Stale(string code, ServiceItemRecord? current) =>
        new($"办事事项 {code} 已被{(current is null ? "他人" : current.UpdatedBy)}修改，请重新打开后再编辑。", ["stale_revision"]);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Service item {Code} saved at revision {Revision} by {Administrator}: {MaterialCount} materials, rules [{RuleCodes}]")]
    private partial void LogSaved(string code, int revision, string administrator, int materialCount, string ruleCodes);
}

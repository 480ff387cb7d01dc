using Exchange.Catalog.Domain;
using Exchange.Catalog.Store;
using Exchange.Identifiers;
using Exchange.Protos.Objection.V1;
using Exchange.ServiceDefaults.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Exchange.Catalog.Objections;

/// <summary>
/// Objections (数据异议) through their life: a holder, or a consumer department that received the data, raises one;
/// the provider department (or a catalog admin) corrects or rejects it with a reason by a working-day deadline.
/// Every request is validated completely before the store is touched; each step commits under the catalog's
/// write gate with its event, and only then reaches the open-objection feed the gateways watch.
/// </summary>
public sealed partial class ObjectionRegister(
    CatalogDbContext db,
    CatalogWriteGate gate,
    ObjectionChangeFeed feed,
    WorkingCalendar calendar,
    IDeliveryRecords deliveries,
    IOptions<ObjectionOptions> options,
    TimeProvider clock,
    ILogger<ObjectionRegister> logger)
{
    public const int MaxTextLength = 1000;
    public const int MaxDataItems = 20;
    public const int MaxRequestIdLength = 64;
    private const int DefaultPageSize = 100;
    private const int MaxPageSize = 500;

    public async Task<Objection> RaiseAsync(CatalogActor actor, Objection? request, CancellationToken cancellationToken)
    {
        actor.RequireRole("raise an objection", ActorRole.Holder, ActorRole.Department, ActorRole.CatalogAdmin);
        if (actor.IsCatalogAdmin)
            throw new PermissionDeniedException("A catalog administrator does not raise objections; the holder or the consumer department that received the data does.");
        if (request is null)
            throw new InvalidFieldException("objection", "is required");
        var resourceCode = request.ResourceCode.Trim();
        if (CatalogCode.Problem(resourceCode) is { } codeProblem)
            throw new InvalidFieldException("objection.resource_code", codeProblem);
        var holderId = HolderIdentifier.Normalise(request.HolderId);
        if (HolderIdentifier.Problem(holderId) is { } holderProblem)
            throw new InvalidFieldException("objection.holder_id", holderProblem);
        var items = RequireDataItems(request);
        var reason = RequireText(request.Reason, "objection.reason");
        var requestId = request.RequestId.Trim();
        if (requestId.Length > MaxRequestIdLength)
            throw new InvalidFieldException("objection.request_id", $"must be at most {MaxRequestIdLength} characters");

        if (actor.Role == ActorRole.Holder && actor.HolderId != holderId)
            throw new PermissionDeniedException($"You are signed in as holder {actor.HolderId}; you may object only to data about yourself, not about {holderId}.");

        var resource = await RequireResourceAsync(resourceCode, cancellationToken);
        var known = resource.DataItems.Select(item => item.Name).ToList();
        for (var i = 0; i < items.Count; i++)
        {
            if (!known.Contains(items[i], StringComparer.Ordinal))
                throw new InvalidFieldException($"objection.data_items[{i}]",
                    $"'{items[i]}' is not a data item of {resourceCode}; its data items are {string.Join(", ", known)}");
        }

        if (actor.Role == ActorRole.Department)
            await RequireDeliveredAsync(actor.DepartmentCode!, resource.ProviderDepartmentCode, resourceCode, holderId, items, requestId, cancellationToken);

        var raiserKind = actor.Role == ActorRole.Holder ? RaiserKind.Holder : RaiserKind.Department;
        var raisedBy = actor.Role == ActorRole.Holder ? holderId : actor.DepartmentCode!;
        using (await gate.EnterAsync(cancellationToken))
        {
            var open = await db.Objections.AsNoTracking()
                .Where(o => o.RaisedBy == raisedBy && o.RaiserKind == raiserKind && o.State == ObjectionState.Open)
                .Select(o => new { o.Id, o.ResourceCode, o.HolderId, o.DataItems })
                .ToListAsync(cancellationToken);
            if (open.Count >= options.Value.MaxOpenPerRaiser)
                throw new ResourceExhaustedException(
                    $"{raisedBy} already has {open.Count} open objections, the most allowed at a time; wait for the providers to answer some.");
            if (open.FirstOrDefault(o => o.ResourceCode == resourceCode && o.HolderId == holderId && o.DataItems.Intersect(items).Any()) is { } same)
                throw new AlreadyExistsException($"{raisedBy} already has objection {same.Id} open on these items of {resourceCode} about {holderId}.");

            var now = clock.GetUtcNow();
            var record = new ObjectionRecord
            {
                Id = NewId(now),
                ProviderDepartmentCode = resource.ProviderDepartmentCode,
                ResourceCode = resourceCode,
                HolderId = holderId,
                DataItems = items,
                Reason = reason,
                RequestId = actor.Role == ActorRole.Department ? requestId : string.Empty,
                State = ObjectionState.Open,
                RaiserKind = raiserKind,
                RaisedBy = raisedBy,
                RaiseTime = now,
                DueTime = calendar.DueTime(now),
            };
            var raised = new ObjectionEventRecord { ObjectionId = record.Id, Type = ObjectionEventType.Raised, Actor = actor.ToString(), Time = now, Text = reason };
            record.Events.Add(raised);
            db.Objections.Add(record);
            await db.SaveChangesAsync(cancellationToken);
            LogRaised(record.Id, actor.ToString(), resourceCode, holderId, items, record.DueTime);
            feed.Publish(new OpenObjectionChange { Type = OpenObjectionChangeType.Opened, Objection = record.ToObjectedItems(), Revision = raised.Revision });
            return record.ToContract(now);
        }
    }

    public async Task<Objection> AnswerAsync(CatalogActor actor, string id, ObjectionOutcome outcome, string answer, CancellationToken cancellationToken)
    {
        id = RequireId(id);
        var (state, eventType) = outcome switch
        {
            ObjectionOutcome.Corrected => (ObjectionState.Corrected, ObjectionEventType.Corrected),
            ObjectionOutcome.Rejected => (ObjectionState.Rejected, ObjectionEventType.Rejected),
            _ => throw new InvalidFieldException("outcome", "must be OBJECTION_OUTCOME_CORRECTED or OBJECTION_OUTCOME_REJECTED"),
        };
        answer = RequireText(answer, "answer");

        using (await gate.EnterAsync(cancellationToken))
        {
            var record = await db.Objections.Include(o => o.Events).SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
            if (record is null || !MaySee(actor, record))
                throw new NotFoundException($"Objection {id} does not exist or is not visible to {actor}.");
            if (!actor.IsCatalogAdmin && !actor.ActsFor(record.ProviderDepartmentCode))
                throw new PermissionDeniedException(
                    $"Only {record.ProviderDepartmentCode} (the provider of {record.ResourceCode}) or a catalog admin may answer objection {id}; the caller is {actor}.");
            if (record.State != ObjectionState.Open)
                throw new PreconditionFailedException($"Objection {id} was already answered ({record.State}) and cannot be answered again", []);

            var now = clock.GetUtcNow();
            record.State = state;
            record.Answer = answer;
            record.AnsweredBy = actor.ToString();
            record.AnswerTime = now;
            var step = new ObjectionEventRecord { ObjectionId = id, Type = eventType, Actor = actor.ToString(), Time = now, Text = answer };
            record.Events.Add(step);
            await db.SaveChangesAsync(cancellationToken);
            LogAnswered(id, actor.ToString(), state, now > record.DueTime);
            feed.Publish(new OpenObjectionChange { Type = OpenObjectionChangeType.Closed, Objection = record.ToObjectedItems(), Revision = step.Revision });
            return record.ToContract(now);
        }
    }

    public async Task<Objection> GetAsync(CatalogActor actor, string id, CancellationToken cancellationToken)
    {
        id = RequireId(id);
        var record = await db.Objections.AsNoTracking().Include(o => o.Events).SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (record is null || !MaySee(actor, record))
            throw new NotFoundException($"Objection {id} does not exist or is not visible to {actor}.");
        return record.ToContract(clock.GetUtcNow());
    }

    /// <summary>The objections the actor may see that match the request's view and filters, newest first.</summary>
    public async Task<IReadOnlyList<Objection>> ListAsync(CatalogActor actor, ListObjectionsRequest filter, CancellationToken cancellationToken)
    {
        actor.RequireRole("list objections", ActorRole.Holder, ActorRole.Department, ActorRole.CatalogAdmin);
        if (!System.Enum.IsDefined(filter.State))
            throw new InvalidFieldException("state", $"{(int)filter.State} is not a known objection state");
        if (!System.Enum.IsDefined(filter.View))
            throw new InvalidFieldException("view", $"{(int)filter.View} is not a known view");
        if (filter.PageSize is < 0 or > MaxPageSize)
            throw new InvalidFieldException("page_size", $"must be between 0 and {MaxPageSize}");

        var query = db.Objections.AsNoTracking().Include(o => o.Events).AsQueryable();
        switch (actor.Role)
        {
            case ActorRole.Holder:
                query = query.Where(o => o.HolderId == actor.HolderId);
                if (filter.View == ObjectionView.ToAnswer)
                    return [];
                break;
            case ActorRole.Department:
                var department = actor.DepartmentCode!;
                query = filter.View switch
                {
                    ObjectionView.Raised => query.Where(o => o.RaiserKind == RaiserKind.Department && o.RaisedBy == department),
                    ObjectionView.ToAnswer => query.Where(o => o.ProviderDepartmentCode == department),
                    _ => query.Where(o => (o.RaiserKind == RaiserKind.Department && o.RaisedBy == department) || o.ProviderDepartmentCode == department),
                };
                break;
        }
        if (filter.State != ObjectionState.Unspecified)
            query = query.Where(o => o.State == filter.State);
        if (filter.OverdueOnly)
            query = query.Where(o => o.State == ObjectionState.Open);
        if (filter.ProviderDepartmentCode.Trim() is { Length: > 0 } provider)
            query = query.Where(o => o.ProviderDepartmentCode == provider);
        if (HolderIdentifier.Normalise(filter.HolderId) is { Length: > 0 } holder)
            query = query.Where(o => o.HolderId == holder);

        var now = clock.GetUtcNow();
        // SQLite cannot order by DateTimeOffset; ids are time-ordered, so newest first is descending id.
        var records = await query.OrderByDescending(o => o.Id).ToListAsync(cancellationToken);
        return records
            .Where(o => !filter.OverdueOnly || now > o.DueTime)
            .Take(filter.PageSize == 0 ? DefaultPageSize : filter.PageSize)
            .Select(o => o.ToContract(now))
            .ToList();
    }

    /// <summary>Open objections whose deadline has passed, per provider department: the statistics page's count.</summary>
    public async Task<IReadOnlyList<Objection>> OverdueAsync(CatalogActor actor, CancellationToken cancellationToken) =>
        await ListAsync(actor, new ListObjectionsRequest { View = ObjectionView.ToAnswer, OverdueOnly = true, PageSize = MaxPageSize }, cancellationToken);

    /// <summary>Every open objection's items and the revision of the last step they reflect.</summary>
    public async Task<OpenObjectionSnapshot> SnapshotAsync(CancellationToken cancellationToken)
    {
        using (await gate.EnterAsync(cancellationToken))
        {
            var snapshot = new OpenObjectionSnapshot
            {
                Revision = await db.ObjectionEvents.MaxAsync(e => (long?)e.Revision, cancellationToken) ?? 0,
            };
            var open = await db.Objections.AsNoTracking().Where(o => o.State == ObjectionState.Open).OrderBy(o => o.Id).ToListAsync(cancellationToken);
            snapshot.Objections.Add(open.Select(o => o.ToObjectedItems()));
            return snapshot;
        }
    }

    private static bool MaySee(CatalogActor actor, ObjectionRecord record) => actor.Role switch
    {
        ActorRole.CatalogAdmin => true,
        ActorRole.Holder => record.HolderId == actor.HolderId,
        ActorRole.Department => record.ProviderDepartmentCode == actor.DepartmentCode
                                || (record.RaiserKind == RaiserKind.Department && record.RaisedBy == actor.DepartmentCode),
        _ => false,
    };

    private async Task RequireDeliveredAsync(
        string consumer, string provider, string resourceCode, string holderId, List<string> items, string requestId, CancellationToken cancellationToken)
    {
        if (requestId.Length == 0)
            throw new InvalidFieldException("objection.request_id",
                "is required for a department: the x-exchange-request-id of the gateway call that returned the data");
        var delivery = await deliveries.FindAsync(consumer, resourceCode, holderId, requestId, cancellationToken);
        if (delivery is null || delivery.ConsumerDepartmentCode != consumer || delivery.ResourceCode != resourceCode
            || HolderIdentifier.Normalise(delivery.HolderId) != holderId)
        {
            throw new PermissionDeniedException(
                $"{consumer} made no call {requestId} that returned data about {holderId} from {resourceCode}; a department may object only to data it received.");
        }
        if (delivery.Status != "OK" || delivery.ProviderDepartmentCode != provider)
            throw new PermissionDeniedException($"Call {requestId} ended {delivery.Status} from {delivery.ProviderDepartmentCode}; it returned no data of {provider} to object to.");
        var notReturned = items.Where(item => !delivery.DataItems.Contains(item, StringComparer.Ordinal)).ToList();
        if (notReturned.Count > 0)
            throw new PermissionDeniedException(
                $"Call {requestId} did not return {string.Join(", ", notReturned)} (it returned {string.Join(", ", delivery.DataItems)}); a department may object only to items it received.");
    }

    private async Task<ResourceVersion> RequireResourceAsync(string code, CancellationToken cancellationToken)
    {
        var versions = await db.ResourceVersions.AsNoTracking()
            .Where(v => v.Code == code && (v.State == VersionState.Published || v.State == VersionState.Deprecated))
            .ToListAsync(cancellationToken);
        return versions.OrderByDescending(v => v.State == VersionState.Published).ThenByDescending(v => v.Version).FirstOrDefault()
               ?? throw new InvalidFieldException("objection.resource_code", $"{code} is not a published resource of the catalog");
    }

    private static List<string> RequireDataItems(Objection request)
    {
        if (request.DataItems.Count == 0)
            throw new InvalidFieldException("objection.data_items", "must name at least one data item");
        if (request.DataItems.Count > MaxDataItems)
            throw new InvalidFieldException("objection.data_items", $"must name at most {MaxDataItems} data items");
        var items = new List<string>(request.DataItems.Count);
        for (var i = 0; i < request.DataItems.Count; i++)
        {
            var item = request.DataItems[i].Trim();
            if (item.Length == 0)
                throw new InvalidFieldException($"objection.data_items[{i}]", "is empty");
            if (items.Contains(item, StringComparer.Ordinal))
                throw new InvalidFieldException($"objection.data_items[{i}]", $"'{item}' is named twice");
            items.Add(item);
        }
        return items;
    }

    private static string RequireText(string value, string field)
    {
        // Checked before trimming too, so a megabyte of spaces is refused as oversized, not stored.
        if (value.Length > MaxTextLength * 2)
            throw new InvalidFieldException(field, $"must be at most {MaxTextLength} characters");
        value = value.Trim();
        if (value.Length == 0)
            throw new InvalidFieldException(field, "is required: say what is wrong or what was done, so the other side can act on it");
        if (value.Length > MaxTextLength)
            throw new InvalidFieldException(field, $"must be at most {MaxTextLength} characters but has {value.Length}");
        return value;
    }

    private static string RequireId(string id)
    {
        id = id.Trim();
        if (id.Length is 0 or > 40)
            throw new InvalidFieldException("id", "must be an objection id such as OBJ-…");
        return id;
    }

    private static string NewId(DateTimeOffset now) => "OBJ-" + Guid.CreateVersion7(now).ToString("N").ToUpperInvariant();

    [LoggerMessage(Level = LogLevel.Information, Message = "Objection {ObjectionId} raised by {Actor} on {ResourceCode} items {DataItems} about {HolderId}; due {DueTime}")]
    private partial void LogRaised(string objectionId, string actor, string resourceCode, string holderId, IReadOnlyList<string> dataItems, DateTimeOffset dueTime);

    [LoggerMessage(Level = LogLevel.Information, Message = "Objection {ObjectionId} answered by {Actor}: {State} (overdue: {Overdue})")]
    private partial void LogAnswered(string objectionId, string actor, ObjectionState state, bool overdue);
}

using Exchange.Catalog.Domain;
using Exchange.Catalog.Store;
using Exchange.Catalog.Watch;
using Exchange.Protos.Catalog.V1;
using Exchange.ServiceDefaults.Errors;
using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;

namespace Exchange.Catalog.Access;

/// <summary>
/// Access applications (共享申请) through their life: a consumer department applies for a conditional resource,
/// its provider department (or a catalog admin) approves or rejects with a reason, and an approved application
/// is a grant until it expires or is revoked. Every request is validated completely before the store is touched;
/// each decision commits under the catalog's write gate and only then reaches the grant feed.
/// </summary>
public sealed class AccessApplications(
    CatalogDbContext db,
    CatalogWriteGate gate,
    GrantChangeFeed feed,
    TimeProvider clock,
    ILogger<AccessApplications> logger)
{
    public const int MaxPurposeLength = 500;
    public const int MaxLegalBasisLength = 500;
    public const int MaxReasonLength = 1000;

    public async Task<AccessApplication> ApplyAsync(CatalogActor actor, AccessApplication? request, CancellationToken cancellationToken)
    {
        actor.RequireRole("apply for access", ActorRole.Department);
        var consumer = actor.DepartmentCode!;
        if (request is null)
            throw new InvalidFieldException("application", "is required");
        var resourceCode = request.ResourceCode.Trim();
        if (CatalogCode.Problem(resourceCode) is { } codeProblem)
            throw new InvalidFieldException("application.resource_code", codeProblem);
        var items = RequireDataItems(request);
        var purpose = RequireText(request.Purpose, "application.purpose", MaxPurposeLength);
        var legalBasis = RequireText(request.LegalBasis, "application.legal_basis", MaxLegalBasisLength);
        var now = clock.GetUtcNow();
        var validFrom = request.ValidFrom is null ? now : ToTime(request.ValidFrom, "application.valid_from");
        if (request.ValidUntil is null)
            throw new InvalidFieldException("application.valid_until", "is required: every grant ends");
        var validUntil = ToTime(request.ValidUntil, "application.valid_until");
        if (validUntil <= validFrom)
            throw new InvalidFieldException("application.valid_until", $"must be after valid_from ({validFrom:u})");
        if (validUntil <= now)
            throw new InvalidFieldException("application.valid_until", "must be in the future");

        using (await gate.EnterAsync(cancellationToken))
        {
            var resource = await RequireConditionalAsync(resourceCode, consumer, cancellationToken);
            var known = resource.DataItems.Select(item => item.Name).ToList();
            for (var i = 0; i < items.Count; i++)
            {
                if (!known.Contains(items[i], StringComparer.Ordinal))
                    throw new InvalidFieldException($"application.data_items[{i}]",
                        $"'{items[i]}' is not a data item of {resourceCode}; its data items are {string.Join(", ", known)}");
            }

            var record = new AccessApplicationRecord
            {
                Id = NewId(),
                ConsumerDepartmentCode = consumer,
                ResourceCode = resourceCode,
                ProviderDepartmentCode = resource.ProviderDepartmentCode,
                DataItems = items,
                Purpose = purpose,
                LegalBasis = legalBasis,
                ValidFrom = validFrom,
                ValidUntil = validUntil,
                State = AccessApplicationState.Pending,
                AppliedBy = actor.Name,
                CreateTime = now,
            };
            db.AccessApplications.Add(record);
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("{Consumer} applied for {ResourceCode} items {DataItems} as {ApplicationId}",
                consumer, resourceCode, items, record.Id);
            return record.ToContract();
        }
    }

    public Task<AccessApplication> ApproveAsync(CatalogActor actor, string id, string note, CancellationToken cancellationToken) =>
        DecideAsync(actor, id, note, Decision.Approve, cancellationToken);

    public Task<AccessApplication> RejectAsync(CatalogActor actor, string id, string reason, CancellationToken cancellationToken) =>
        DecideAsync(actor, id, reason, Decision.Reject, cancellationToken);

    public Task<AccessApplication> RevokeAsync(CatalogActor actor, string id, string reason, CancellationToken cancellationToken) =>
        DecideAsync(actor, id, reason, Decision.Revoke, cancellationToken);

    public async Task<AccessApplication> GetAsync(CatalogActor actor, string id, CancellationToken cancellationToken)
    {
        id = RequireId(id);
        var record = await db.AccessApplications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken)
                     ?? throw new NotFoundException($"Access application {id} does not exist.");
        if (!MaySee(actor, record))
            throw new PermissionDeniedException(
                $"Access application {id} is visible to {record.ConsumerDepartmentCode}, {record.ProviderDepartmentCode}, gateways and catalog admins only; the caller is {actor}.");
        return record.ToContract();
    }

    /// <summary>The applications the actor may see (its own as consumer, those for its resources as provider; all for an admin or gateway) that match every non-empty filter.</summary>
    public async Task<IReadOnlyList<AccessApplication>> ListAsync(CatalogActor actor, ListAccessApplicationsRequest filter, CancellationToken cancellationToken)
    {
        if (!System.Enum.IsDefined(filter.State))
            throw new InvalidFieldException("state", $"{(int)filter.State} is not a known application state");
        var query = db.AccessApplications.AsNoTracking();
        if (actor.Role == ActorRole.Department)
            query = query.Where(a => a.ConsumerDepartmentCode == actor.DepartmentCode || a.ProviderDepartmentCode == actor.DepartmentCode);
        if (filter.ConsumerDepartmentCode.Trim() is { Length: > 0 } consumer)
            query = query.Where(a => a.ConsumerDepartmentCode == consumer);
        if (filter.ProviderDepartmentCode.Trim() is { Length: > 0 } provider)
            query = query.Where(a => a.ProviderDepartmentCode == provider);
        if (filter.ResourceCode.Trim() is { Length: > 0 } resource)
            query = query.Where(a => a.ResourceCode == resource);
        if (filter.State != AccessApplicationState.Unspecified)
            query = query.Where(a => a.State == filter.State);
        var records = await query.ToListAsync(cancellationToken);
        return records.OrderBy(a => a.CreateTime).ThenBy(a => a.Id, StringComparer.Ordinal).Select(a => a.ToContract()).ToList();
    }

    /// <summary>Every approved, unrevoked grant (expired ones too) and the revision of the last grant change they reflect.</summary>
    public async Task<GrantSnapshot> SnapshotAsync(CancellationToken cancellationToken)
    {
        using (await gate.EnterAsync(cancellationToken))
        {
            var snapshot = new GrantSnapshot
            {
                Revision = await db.GrantChanges.MaxAsync(c => (long?)c.Revision, cancellationToken) ?? 0,
            };
            var approved = await db.AccessApplications.AsNoTracking()
                .Where(a => a.State == AccessApplicationState.Approved)
                .ToListAsync(cancellationToken);
            snapshot.Grants.Add(approved.OrderBy(a => a.Id, StringComparer.Ordinal).Select(a => a.ToGrant()));
            return snapshot;
        }
    }

    private async Task<AccessApplication> DecideAsync(CatalogActor actor, string id, string reason, Decision decision, CancellationToken cancellationToken)
    {
        id = RequireId(id);
        reason = reason.Trim();
        if (decision.ReasonRequired && reason.Length == 0)
            throw new InvalidFieldException("reason", "is required: say why, so the consumer can act on it");
        if (reason.Length > MaxReasonLength)
            throw new InvalidFieldException(decision.ReasonRequired ? "reason" : "note", $"must be at most {MaxReasonLength} characters");

        using (await gate.EnterAsync(cancellationToken))
        {
            var record = await db.AccessApplications.SingleOrDefaultAsync(a => a.Id == id, cancellationToken)
                         ?? throw new NotFoundException($"Access application {id} does not exist.");
            if (!actor.IsCatalogAdmin && !actor.ActsFor(record.ProviderDepartmentCode))
                throw new PermissionDeniedException(
                    $"Only {record.ProviderDepartmentCode} (the provider of {record.ResourceCode}) or a catalog admin may {decision.Verb} access application {id}; the caller is {actor}.");
            if (record.State != decision.From)
                throw new PreconditionFailedException(
                    $"Access application {id} is {StateName(record.State)}; only a {StateName(decision.From)} application can be {decision.Done}", []);
            var now = clock.GetUtcNow();
            if (decision == Decision.Approve && record.ValidUntil <= now)
                throw new PreconditionFailedException(
                    $"Access application {id} asked for access until {record.ValidUntil:u}, which has passed; the consumer must apply again", []);

            record.State = decision.To;
            record.DecisionReason = reason;
            record.DecidedBy = actor.Name;
            record.DecideTime = now;
            GrantChangeRecord? change = null;
            if (decision.Change != GrantChangeType.Unspecified)
            {
                change = new GrantChangeRecord { Type = decision.Change, ApplicationId = id, RecordedAt = now };
                db.GrantChanges.Add(change);
            }
            await db.SaveChangesAsync(cancellationToken);

            logger.LogInformation("{Actor} {Decision} access application {ApplicationId}: {Consumer} for {ResourceCode}",
                actor.ToString(), decision.Done, id, record.ConsumerDepartmentCode, record.ResourceCode);
            if (change is not null)
                feed.Publish(new GrantChange { Type = change.Type, Grant = record.ToGrant(), Revision = change.Revision });
            return record.ToContract();
        }
    }

    private async Task<ResourceVersion> RequireConditionalAsync(string code, string consumer, CancellationToken cancellationToken)
    {
        var published = await db.ResourceVersions.AsNoTracking()
            .SingleOrDefaultAsync(v => v.Code == code && v.State == VersionState.Published, cancellationToken);
        if (published is null)
        {
            if (!await db.ResourceEntries.AnyAsync(e => e.Code == code, cancellationToken))
                throw new NotFoundException($"Resource {code} does not exist.");
            throw new PreconditionFailedException($"Resource {code} cannot be applied for", [$"{code} has no published version"]);
        }
        if (published.ShareType != ShareType.Conditional)
        {
            var why = published.ShareType == ShareType.Unconditional
                ? $"{code} is shared unconditionally; every department may call it without a grant"
                : $"{code} is not shared outside {published.ProviderDepartmentCode}";
            throw new PreconditionFailedException($"Resource {code} cannot be applied for", [why]);
        }
        if (published.ProviderDepartmentCode == consumer)
            throw new PreconditionFailedException($"Resource {code} cannot be applied for",
                [$"{consumer} provides {code} itself and needs no grant"]);
        return published;
    }

    private static List<string> RequireDataItems(AccessApplication request)
    {
        if (request.DataItems.Count == 0)
            throw new InvalidFieldException("application.data_items", "needs at least one data item of the resource");
        var items = new List<string>();
        for (var i = 0; i < request.DataItems.Count; i++)
        {
            var item = request.DataItems[i].Trim();
            if (item.Length == 0)
                throw new InvalidFieldException($"application.data_items[{i}]", "is empty");
            if (items.Contains(item, StringComparer.Ordinal))
                throw new InvalidFieldException($"application.data_items[{i}]", $"'{item}' is listed more than once");
            items.Add(item);
        }
        return items;
    }

    private static string RequireText(string value, string field, int maxLength)
    {
        var text = value.Trim();
        if (text.Length == 0)
            throw new InvalidFieldException(field, "is required");
        if (text.Length > maxLength)
            throw new InvalidFieldException(field, $"must be at most {maxLength} characters");
        return text;
    }

    private static string RequireId(string id)
    {
        id = id.Trim();
        return id.Length == 0 ? throw new InvalidFieldException("id", "is required") : id;
    }

    private static DateTimeOffset ToTime(Timestamp timestamp, string field)
    {
        try
        {
            return timestamp.ToDateTimeOffset();
        }
        catch (InvalidOperationException)
        {
            throw new InvalidFieldException(field, "is not a valid timestamp");
        }
    }

    private static bool MaySee(CatalogActor actor, AccessApplicationRecord record) =>
        actor.Role is ActorRole.CatalogAdmin or ActorRole.Gateway
        || actor.ActsFor(record.ConsumerDepartmentCode)
        || actor.ActsFor(record.ProviderDepartmentCode);

    private static string NewId() => "AA-" + Guid.CreateVersion7().ToString("N").ToUpperInvariant();

    private static string StateName(AccessApplicationState state) => state switch
    {
        AccessApplicationState.Pending => "pending",
        AccessApplicationState.Approved => "approved",
        AccessApplicationState.Rejected => "rejected",
        AccessApplicationState.Revoked => "revoked",
        _ => "in no known state",
    };

    private sealed record Decision(string Verb, string Done, AccessApplicationState From, AccessApplicationState To, bool ReasonRequired, GrantChangeType Change)
    {
        public static readonly Decision Approve = new("approve", "approved", AccessApplicationState.Pending, AccessApplicationState.Approved, false, GrantChangeType.Granted);
        public static readonly Decision Reject = new("reject", "rejected", AccessApplicationState.Pending, AccessApplicationState.Rejected, true, GrantChangeType.Unspecified);
        public static readonly Decision Revoke = new("revoke", "revoked", AccessApplicationState.Approved, AccessApplicationState.Revoked, true, GrantChangeType.Revoked);
    }
}

using Exchange.Catalog.Store;
using Exchange.Catalog.Watch;
using Exchange.Protos.Catalog.V1;
using Exchange.ServiceDefaults.Errors;
using Microsoft.EntityFrameworkCore;

namespace Exchange.Catalog.Domain;

/// <summary>
/// Resource entries through their life: drafts, published versions, deprecation. Every write validates
/// completely before it touches the store, commits in one transaction under the write gate, and only then
/// tells the watch feed.
/// </summary>
public sealed class ResourceCatalog(
    CatalogDbContext db,
    CatalogWriteGate gate,
    DepartmentRegistry departments,
    ResourceChangeFeed feed,
    TimeProvider clock,
    ILogger<ResourceCatalog> logger)
{
    public async Task<Resource> CreateDraftAsync(Resource? request, CancellationToken cancellationToken)
    {
        var resource = ResourceDraftRules.Require(request);
        using (await gate.EnterAsync(cancellationToken))
        {
            if (await db.ResourceEntries.AnyAsync(e => e.Code == resource.Code, cancellationToken))
                throw new AlreadyExistsException($"Resource {resource.Code} already exists.");
            await RequireKnownProviderAsync(resource, cancellationToken);

            var now = clock.GetUtcNow();
            var entry = new ResourceEntry { Code = resource.Code, CreatedAt = now, UpdatedAt = now };
            entry.CopyFrom(resource);
            db.ResourceEntries.Add(entry);
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Created draft of resource {ResourceCode} {ResourceName}", entry.Code, entry.Name);
            return entry.ToContract();
        }
    }

    public async Task<Resource> UpdateDraftAsync(Resource? request, CancellationToken cancellationToken)
    {
        var resource = ResourceDraftRules.Require(request);
        using (await gate.EnterAsync(cancellationToken))
        {
            var entry = await FindEntryAsync(resource.Code, cancellationToken);
            await RequireKnownProviderAsync(resource, cancellationToken);

            entry.CopyFrom(resource);
            entry.UpdatedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Updated draft of resource {ResourceCode}", entry.Code);
            return entry.ToContract();
        }
    }

    public async Task<Resource> GetDraftAsync(string code, CancellationToken cancellationToken)
    {
        var entry = await db.ResourceEntries.AsNoTracking().SingleOrDefaultAsync(e => e.Code == code, cancellationToken)
                    ?? throw new NotFoundException($"Resource {code} does not exist.");
        return entry.ToContract();
    }

    public async Task<Resource> PublishAsync(string code, CancellationToken cancellationToken)
    {
        using (await gate.EnterAsync(cancellationToken))
        {
            var entry = await FindEntryAsync(code, cancellationToken);
            var providerRegistered = entry.ProviderDepartmentCode.Length > 0
                                     && await departments.ExistsAsync(entry.ProviderDepartmentCode, cancellationToken);
            var sameService = entry.GrpcService.Length == 0
                ? []
                : await db.ResourceVersions
                    .Where(v => v.State == VersionState.Published && v.GrpcService == entry.GrpcService && v.Code != code)
                    .OrderBy(v => v.Code)
                    .ToListAsync(cancellationToken);
            var problems = PublicationCheck.Problems(entry, providerRegistered, sameService);
            if (problems.Count > 0)
                throw new PreconditionFailedException($"Resource {code} cannot be published", problems);

            var versions = await db.ResourceVersions.Where(v => v.Code == code).ToListAsync(cancellationToken);
            foreach (var previous in versions.Where(v => v.State == VersionState.Published))
                previous.State = VersionState.Superseded;

            var now = clock.GetUtcNow();
            var version = new ResourceVersion
            {
                Code = code,
                Version = versions.Count == 0 ? 1 : versions.Max(v => v.Version) + 1,
                State = VersionState.Published,
                PublishTime = now,
            };
            version.CopyFrom(entry);
            db.ResourceVersions.Add(version);
            var change = new CatalogChange { Type = ResourceChangeType.Published, Code = code, Version = version.Version, RecordedAt = now };
            db.Changes.Add(change);
            await db.SaveChangesAsync(cancellationToken);

            logger.LogInformation("Published resource {ResourceCode} version {Version} at revision {Revision}",
                code, version.Version, change.Revision);
            var published = version.ToContract();
            feed.Publish(new ResourceChange { Type = change.Type, Resource = published, Revision = change.Revision });
            return published;
        }
    }

    public async Task<Resource> DeprecateAsync(string code, CancellationToken cancellationToken)
    {
        using (await gate.EnterAsync(cancellationToken))
        {
            await FindEntryAsync(code, cancellationToken);
            var version = await db.ResourceVersions.SingleOrDefaultAsync(v => v.Code == code && v.State == VersionState.Published, cancellationToken)
                          ?? throw new PreconditionFailedException($"Resource {code} has no published version to deprecate", []);

            var now = clock.GetUtcNow();
            version.State = VersionState.Deprecated;
            var change = new CatalogChange { Type = ResourceChangeType.Deprecated, Code = code, Version = version.Version, RecordedAt = now };
            db.Changes.Add(change);
            await db.SaveChangesAsync(cancellationToken);

            logger.LogInformation("Deprecated resource {ResourceCode} version {Version} at revision {Revision}",
                code, version.Version, change.Revision);
            var deprecated = version.ToContract();
            feed.Publish(new ResourceChange { Type = change.Type, Resource = deprecated, Revision = change.Revision });
            return deprecated;
        }
    }

    public async Task<IReadOnlyList<Resource>> ListPublishedAsync(string providerDepartmentCode, CancellationToken cancellationToken)
    {
        var query = db.ResourceVersions.AsNoTracking().Where(v => v.State == VersionState.Published);
        if (providerDepartmentCode.Length > 0)
            query = query.Where(v => v.ProviderDepartmentCode == providerDepartmentCode);
        var versions = await query.OrderBy(v => v.Code).ToListAsync(cancellationToken);
        return versions.Select(v => v.ToContract()).ToList();
    }

    public async Task<Resource> GetAsync(string code, int version, CancellationToken cancellationToken)
    {
        if (version < 0)
            throw new InvalidFieldException("version", "must be 0 (the published version) or a version number");
        if (version == 0)
        {
            var published = await db.ResourceVersions.AsNoTracking()
                .SingleOrDefaultAsync(v => v.Code == code && v.State == VersionState.Published, cancellationToken);
            return published?.ToContract()
                   ?? throw new NotFoundException($"Resource {code} has no published version.");
        }

        var found = await db.ResourceVersions.AsNoTracking()
            .SingleOrDefaultAsync(v => v.Code == code && v.Version == version, cancellationToken);
        return found?.ToContract()
               ?? throw new NotFoundException($"Resource {code} has no version {version}.");
    }

    /// <summary>Every published resource and the revision of the last change they reflect, read as one consistent view.</summary>
    public async Task<ResourceSnapshot> SnapshotAsync(CancellationToken cancellationToken)
    {
        using (await gate.EnterAsync(cancellationToken))
        {
            var snapshot = new ResourceSnapshot
            {
                Revision = await db.Changes.MaxAsync(c => (long?)c.Revision, cancellationToken) ?? 0,
            };
            snapshot.Resources.Add(await ListPublishedAsync(string.Empty, cancellationToken));
            return snapshot;
        }
    }

    private async Task<ResourceEntry> FindEntryAsync(string code, CancellationToken cancellationToken) =>
        await db.ResourceEntries.SingleOrDefaultAsync(e => e.Code == code, cancellationToken)
        ?? throw new NotFoundException($"Resource {code} does not exist.");

    private async Task RequireKnownProviderAsync(Resource resource, CancellationToken cancellationToken)
    {
        var provider = resource.ProviderDepartmentCode.Trim();
        if (provider.Length > 0 && !await departments.ExistsAsync(provider, cancellationToken))
            throw new PreconditionFailedException($"Resource {resource.Code} cannot be stored",
                [$"provider department {provider} is not registered"]);
    }
}

using System.Collections.Frozen;
using Exchange.Protos.Catalog.V1;

namespace Exchange.Gateway.Grants;

/// <summary>
/// Every approved, unrevoked grant at one revision of the catalog's grant stream, looked up per call by
/// (consumer department, resource code). Immutable: a change yields a new table.
/// </summary>
internal sealed class GrantTable
{
    private readonly FrozenDictionary<string, GrantEntry> _byId;
    private readonly FrozenDictionary<(string Consumer, string Resource), GrantEntry[]> _byConsumerAndResource;

    private GrantTable(long revision, FrozenDictionary<string, GrantEntry> byId)
    {
        Revision = revision;
        _byId = byId;
        var grouped = new Dictionary<(string, string), List<GrantEntry>>();
        foreach (var entry in byId.Values)
        {
            var key = (entry.Grant.ConsumerDepartmentCode, entry.Grant.ResourceCode);
            if (!grouped.TryGetValue(key, out var list))
                grouped[key] = list = [];
            list.Add(entry);
        }
        var frozen = new Dictionary<(string, string), GrantEntry[]>(grouped.Count);
        foreach (var (key, list) in grouped)
            frozen[key] = [.. list];
        _byConsumerAndResource = frozen.ToFrozenDictionary();
    }

    public static GrantTable Empty { get; } = new(0, FrozenDictionary<string, GrantEntry>.Empty);

    public long Revision { get; }

    public int Count => _byId.Count;

    /// <summary>The consumer's grants for the resource, in force or not; null when it holds none.</summary>
    public GrantEntry[]? For(string consumer, string resourceCode) =>
        _byConsumerAndResource.GetValueOrDefault((consumer, resourceCode));

    public static GrantTable FromSnapshot(GrantSnapshot snapshot)
    {
        var byId = new Dictionary<string, GrantEntry>(StringComparer.Ordinal);
        foreach (var grant in snapshot.Grants)
            byId[grant.ApplicationId] = new GrantEntry(grant);
        return new GrantTable(snapshot.Revision, byId.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>The table after <paramref name="change"/>, or this one when the change is not newer.</summary>
    public GrantTable Apply(GrantChange change)
    {
        if (change.Revision <= Revision || change.Grant is null)
            return this;
        var byId = new Dictionary<string, GrantEntry>(_byId, StringComparer.Ordinal);
        switch (change.Type)
        {
            case GrantChangeType.Granted:
                byId[change.Grant.ApplicationId] = new GrantEntry(change.Grant);
                break;
            case GrantChangeType.Revoked:
                byId.Remove(change.Grant.ApplicationId);
                break;
        }
        return new GrantTable(change.Revision, byId.ToFrozenDictionary(StringComparer.Ordinal));
    }

    public GrantSnapshot ToSnapshot()
    {
        var snapshot = new GrantSnapshot { Revision = Revision };
        foreach (var id in _byId.Keys.Order(StringComparer.Ordinal))
            snapshot.Grants.Add(_byId[id].Grant);
        return snapshot;
    }
}

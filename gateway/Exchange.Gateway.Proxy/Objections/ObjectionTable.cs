using System.Collections.Frozen;
using Exchange.Protos.Objection.V1;

namespace Exchange.Gateway.Objections;

/// <summary>The open objections the gateway flags, by resource and holder; immutable, replaced whole on each change.</summary>
internal sealed class ObjectionTable
{
    public static readonly ObjectionTable Empty = new(FrozenDictionary<string, ObjectedItems>.Empty, 0);

    private readonly FrozenDictionary<string, ObjectedItems> _byId;
    private readonly FrozenDictionary<(string Resource, string Holder), string[]> _items;

    private ObjectionTable(FrozenDictionary<string, ObjectedItems> byId, long revision)
    {
        _byId = byId;
        Revision = revision;
        _items = byId.Values
            .GroupBy(o => (o.ResourceCode, o.HolderId))
            .ToFrozenDictionary(g => g.Key, g => g.SelectMany(o => o.DataItems).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray());
    }

    public long Revision { get; }

    public int Count => _byId.Count;

    public static ObjectionTable FromSnapshot(OpenObjectionSnapshot snapshot) =>
        new(snapshot.Objections.ToFrozenDictionary(o => o.ObjectionId), snapshot.Revision);

    /// <summary>This table with the change applied; itself when the change is not newer.</summary>
    public ObjectionTable Apply(OpenObjectionChange change)
    {
        if (change.Revision <= Revision)
            return this;
        var next = _byId.ToDictionary();
        if (change.Type == OpenObjectionChangeType.Opened)
            next[change.Objection.ObjectionId] = change.Objection;
        else
            next.Remove(change.Objection.ObjectionId);
        return new ObjectionTable(next.ToFrozenDictionary(), change.Revision);
    }

    /// <summary>
    /// The objected items among <paramref name="returned"/> for this resource and holder. When the provider did not
    /// say which items it returned, every objected item, since the answer may carry any of them.
    /// </summary>
    public IReadOnlyList<string> Flagged(string resourceCode, string holderId, IReadOnlyCollection<string> returned)
    {
        if (!_items.TryGetValue((resourceCode, holderId), out var objected))
            return [];
        return returned.Count == 0 ? objected : objected.Where(returned.Contains).ToArray();
    }
}

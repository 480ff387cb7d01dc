using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Frozen;
using Exchange.ServiceDefaults.Errors;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;

namespace Exchange.Adapters.Shared.Gateway;

/// <summary>
/// The data items of a response message, read once from its protobuf descriptor, and the minimisation of a
/// response to a selection of them. The items are the fields of the response, except that a record field
/// (singular or repeated) stands for the fields of the record it holds: <c>GetResidentResponse.resident</c>
/// contributes <c>name</c>, <c>birth_date</c>, ...; <c>GetMarriageRecordsResponse</c> has <c>citizen_id</c>
/// plus every field of each <c>MarriageRecord</c>. These are the names the catalog lists as data items.
/// Thread-safe; build one per response type and keep it.
/// </summary>
public sealed class ResponseDataItems<TResponse> where TResponse : IMessage<TResponse>, new()
{
    private const int MaxItems = 64;
    private const int MaxCachedNameLists = 256;

    private readonly DataItem[] _items;
    private readonly FrozenDictionary<string, int> _indexByName;
    private readonly FieldDescriptor? _recordField;
    private readonly ConcurrentDictionary<ulong, string> _nameLists = new();

    /// <param name="recordFieldNumber">The field of <typeparamref name="TResponse"/> holding the record(s), if any.</param>
    public ResponseDataItems(int? recordFieldNumber = null)
    {
        var descriptor = new TResponse().Descriptor;
        var items = new List<DataItem>();
        foreach (var field in descriptor.Fields.InFieldNumberOrder())
        {
            if (field.FieldNumber == recordFieldNumber)
            {
                if (field.FieldType != FieldType.Message || field.IsMap)
                    throw new ArgumentException($"{descriptor.Name}.{field.Name} holds no record message.", nameof(recordFieldNumber));
                _recordField = field;
                foreach (var recordItem in field.MessageType.Fields.InFieldNumberOrder())
                    items.Add(new DataItem(recordItem.Name, recordItem, InRecord: true));
            }
            else
            {
                items.Add(new DataItem(field.Name, field, InRecord: false));
            }
        }
        if (recordFieldNumber is not null && _recordField is null)
            throw new ArgumentException($"{descriptor.Name} has no field {recordFieldNumber}.", nameof(recordFieldNumber));
        if (items.Count > MaxItems)
            throw new ArgumentException($"{descriptor.Name} has {items.Count} data items; at most {MaxItems} are supported.");

        _items = [.. items];
        // Throws on a name in both the response and its record, which would make the item ambiguous.
        _indexByName = _items.Select((item, index) => (item.Name, index)).ToFrozenDictionary(p => p.Name, p => p.index, StringComparer.Ordinal);
        Names = [.. _items.Select(i => i.Name)];
        RecordName = _recordField?.MessageType.Name ?? descriptor.Name;
        All = new DataItemSelection(_items.Length == MaxItems ? ulong.MaxValue : (1UL << _items.Length) - 1);
    }

    /// <summary>The record message whose fields the items are, for messages to callers (for example <c>Resident</c>).</summary>
    public string RecordName { get; }

    public IReadOnlyList<string> Names { get; }

    public DataItemSelection All { get; }

    /// <summary>
    /// The granted items that the read mask asks for (all granted items when the mask is empty). Granted names that
    /// are no item of this response are ignored: one resource can span methods with different answers.
    /// A mask path that is no item of this response is INVALID_ARGUMENT naming it.
    /// </summary>
    public DataItemSelection Select(IEnumerable<string> grantedItems, FieldMask? readMask)
    {
        var granted = 0UL;
        foreach (var name in grantedItems)
        {
            if (_indexByName.TryGetValue(name, out var index))
                granted |= 1UL << index;
        }
        if (readMask is null || readMask.Paths.Count == 0)
            return new DataItemSelection(granted);

        var asked = 0UL;
        foreach (var path in readMask.Paths)
        {
            if (!_indexByName.TryGetValue(path, out var index))
                throw new InvalidFieldException("read_mask", $"names '{path}', which is not a data item of {RecordName}; its data items are {string.Join(", ", Names)}");
            asked |= 1UL << index;
        }
        return new DataItemSelection(granted & asked);
    }

    /// <summary>Clears every field of the response (and of each record in it) that is not selected.</summary>
    public TResponse Minimise(TResponse response, DataItemSelection selection)
    {
        if ((selection.Bits & All.Bits) == All.Bits)
            return response;

        for (var i = 0; i < _items.Length; i++)
        {
            if (!selection.Contains(i) && !_items[i].InRecord)
                _items[i].Field.Accessor.Clear(response);
        }
        if (_recordField is null)
            return response;

        var value = _recordField.Accessor.GetValue(response);
        if (value is IList records)
        {
            for (var r = 0; r < records.Count; r++)
                ClearUnselected((IMessage)records[r]!, selection);
        }
        else if (value is IMessage record)
        {
            ClearUnselected(record, selection);
        }
        return response;
    }

    /// <summary>The selected item names, comma-separated in declaration order, as sent in <c>x-exchange-items</c>.</summary>
    public string NameList(DataItemSelection selection)
    {
        if (_nameLists.TryGetValue(selection.Bits, out var cached))
            return cached;
        var names = string.Join(',', _items.Where((_, index) => selection.Contains(index)).Select(i => i.Name));
        // Bounded, so callers choosing odd masks cannot grow it without limit.
        if (_nameLists.Count < MaxCachedNameLists)
            _nameLists.TryAdd(selection.Bits, names);
        return names;
    }

    private void ClearUnselected(IMessage record, DataItemSelection selection)
    {
        for (var i = 0; i < _items.Length; i++)
        {
            if (!selection.Contains(i) && _items[i].InRecord)
                _items[i].Field.Accessor.Clear(record);
        }
    }

    private readonly record struct DataItem(string Name, FieldDescriptor Field, bool InRecord);
}

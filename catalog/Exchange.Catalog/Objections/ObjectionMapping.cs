using Exchange.Catalog.Store;
using Exchange.Protos.Objection.V1;
using Google.Protobuf.WellKnownTypes;

namespace Exchange.Catalog.Objections;

/// <summary>Copies objections from the store to the contract.</summary>
public static class ObjectionMapping
{
    public static Objection ToContract(this ObjectionRecord record, DateTimeOffset now)
    {
        var objection = new Objection
        {
            Id = record.Id,
            ProviderDepartmentCode = record.ProviderDepartmentCode,
            ResourceCode = record.ResourceCode,
            HolderId = record.HolderId,
            Reason = record.Reason,
            RequestId = record.RequestId,
            State = record.State,
            RaiserKind = record.RaiserKind,
            RaisedBy = record.RaisedBy,
            RaiseTime = Timestamp.FromDateTimeOffset(record.RaiseTime),
            DueTime = Timestamp.FromDateTimeOffset(record.DueTime),
            Overdue = record.State == ObjectionState.Open && now > record.DueTime,
            Answer = record.Answer,
            AnsweredBy = record.AnsweredBy,
            AnswerTime = record.AnswerTime is { } answered ? Timestamp.FromDateTimeOffset(answered) : null,
        };
        objection.DataItems.Add(record.DataItems);
        objection.Events.Add(record.Events.OrderBy(e => e.Revision).Select(e => new ObjectionEvent
        {
            Type = e.Type,
            Actor = e.Actor,
            Time = Timestamp.FromDateTimeOffset(e.Time),
            Text = e.Text,
        }));
        return objection;
    }

    public static ObjectedItems ToObjectedItems(this ObjectionRecord record)
    {
        var items = new ObjectedItems { ObjectionId = record.Id, ResourceCode = record.ResourceCode, HolderId = record.HolderId };
        items.DataItems.Add(record.DataItems);
        return items;
    }
}

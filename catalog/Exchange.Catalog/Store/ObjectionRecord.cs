using Exchange.Protos.Objection.V1;

namespace Exchange.Catalog.Store;

/// <summary>An objection (数据异议) to data items of one resource about one holder, and the provider's answer.</summary>
public sealed class ObjectionRecord
{
    public required string Id { get; set; }
    public required string ProviderDepartmentCode { get; set; }
    public required string ResourceCode { get; set; }
    public required string HolderId { get; set; }
    public List<string> DataItems { get; set; } = [];
    public required string Reason { get; set; }
    public string RequestId { get; set; } = string.Empty;
    public ObjectionState State { get; set; }
    public RaiserKind RaiserKind { get; set; }

    /// <summary>The holder id or the department code: whose quota of open objections this counts against.</summary>
    public required string RaisedBy { get; set; }
    public DateTimeOffset RaiseTime { get; set; }
    public DateTimeOffset DueTime { get; set; }
    public string Answer { get; set; } = string.Empty;
    public string AnsweredBy { get; set; } = string.Empty;
    public DateTimeOffset? AnswerTime { get; set; }
    public List<ObjectionEventRecord> Events { get; set; } = [];
}

/// <summary>
/// One step of an objection (raised, corrected, rejected), never changed once written. Its autoincrement key is
/// also the revision of the open-objection watch stream.
/// </summary>
public sealed class ObjectionEventRecord
{
    public long Revision { get; set; }
    public required string ObjectionId { get; set; }
    public ObjectionEventType Type { get; set; }
    public required string Actor { get; set; }
    public DateTimeOffset Time { get; set; }
    public required string Text { get; set; }
}

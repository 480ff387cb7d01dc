using Exchange.Protos.Objection.V1;

namespace Exchange.Catalog.Admin.Pages.Objections;

/// <summary>How the admin UI names objection states and steps.</summary>
public static class ObjectionTerms
{
    public static string Of(ObjectionState state) => state switch
    {
        ObjectionState.Open => "待处理",
        ObjectionState.Corrected => "已更正",
        ObjectionState.Rejected => "已驳回",
        _ => "全部",
    };

    public static string Of(ObjectionEventType type) => type switch
    {
        ObjectionEventType.Raised => "提出异议",
        ObjectionEventType.Corrected => "更正数据",
        ObjectionEventType.Rejected => "驳回异议",
        _ => type.ToString(),
    };

    public static string Of(RaiserKind kind) => kind == RaiserKind.Holder ? "数据主体本人" : "使用部门";

    public static string Badge(Objection objection) => objection.Overdue ? "badge stop"
        : objection.State switch
        {
            ObjectionState.Open => "badge draft",
            ObjectionState.Corrected => "badge ok",
            _ => "badge muted",
        };

    public static string StateText(Objection objection) => objection.Overdue ? "已逾期" : Of(objection.State);
}

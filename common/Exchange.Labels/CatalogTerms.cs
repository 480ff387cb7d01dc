using Exchange.Protos.Catalog.V1;

namespace Exchange.Labels;

/// <summary>Chinese names of the catalog's enumerations, as the admin UI and the CLI show them.</summary>
public static class CatalogTerms
{
    public static string Of(ShareType value) => value switch
    {
        ShareType.Unconditional => "无条件共享",
        ShareType.Conditional => "有条件共享",
        ShareType.NotShared => "不予共享",
        _ => "未选择",
    };

    public static string Of(UpdateFrequency value) => value switch
    {
        UpdateFrequency.RealTime => "实时",
        UpdateFrequency.Daily => "每日",
        UpdateFrequency.Weekly => "每周",
        UpdateFrequency.Monthly => "每月",
        UpdateFrequency.Yearly => "每年",
        _ => "未选择",
    };

    public static string Of(DataType value) => value switch
    {
        DataType.String => "字符串",
        DataType.Integer => "整数",
        DataType.Decimal => "小数",
        DataType.Boolean => "布尔",
        DataType.Date => "日期",
        DataType.Enum => "枚举",
        DataType.List => "列表",
        DataType.Map => "键值表",
        DataType.Bytes => "二进制",
        _ => "未选择",
    };

    public static string Of(Sensitivity value) => value switch
    {
        Sensitivity.Public => "公开",
        Sensitivity.Internal => "内部",
        Sensitivity.Sensitive => "敏感",
        _ => "未选择",
    };

    public static string Of(ResourceState value) => value switch
    {
        ResourceState.Draft => "草稿",
        ResourceState.Published => "已发布",
        ResourceState.Superseded => "已被取代",
        ResourceState.Deprecated => "已停用",
        _ => "未知",
    };

    public static string Of(AccessApplicationState value) => value switch
    {
        AccessApplicationState.Pending => "待审核",
        AccessApplicationState.Approved => "已批准",
        AccessApplicationState.Rejected => "已驳回",
        AccessApplicationState.Revoked => "已撤销",
        _ => "全部",
    };

    /// <summary>A bucket width, for example 1 小时.</summary>
    public static string Of(TimeSpan value) => value switch
    {
        _ when value >= TimeSpan.FromDays(1) && value.Ticks % TimeSpan.TicksPerDay == 0 => $"{value.TotalDays:0} 天",
        _ when value >= TimeSpan.FromHours(1) && value.Ticks % TimeSpan.TicksPerHour == 0 => $"{value.TotalHours:0} 小时",
        _ when value >= TimeSpan.FromMinutes(1) && value.Ticks % TimeSpan.TicksPerMinute == 0 => $"{value.TotalMinutes:0} 分钟",
        _ => $"{value.TotalSeconds:0} 秒",
    };

    /// <summary>A CSS class for a state badge.</summary>
    public static string Badge(ResourceState value) => value switch
    {
        ResourceState.Published => "badge ok",
        ResourceState.Draft => "badge draft",
        ResourceState.Deprecated => "badge stop",
        _ => "badge muted",
    };

    public static string Badge(AccessApplicationState value) => value switch
    {
        AccessApplicationState.Pending => "badge draft",
        AccessApplicationState.Approved => "badge ok",
        AccessApplicationState.Rejected or AccessApplicationState.Revoked => "badge stop",
        _ => "badge muted",
    };

    public static IEnumerable<T> Choices<T>() where T : struct, System.Enum =>
        System.Enum.GetValues<T>().Where(value => Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) != 0);
}

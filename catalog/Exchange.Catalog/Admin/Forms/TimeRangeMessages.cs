namespace Exchange.Catalog.Admin.Forms;

/// <summary>
/// The wording of a time-range filter's problems, one for every page that filters by time. A range's end is exclusive
/// (the gateway's audit and statistics queries both read [start, end)), so an end equal to the start selects nothing.
/// </summary>
public static class TimeRangeMessages
{
    public const string EndNotAfterStart = "结束时间必须晚于开始时间。";
}

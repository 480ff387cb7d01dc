using Exchange.Catalog.Admin.Statistics;
using Exchange.Catalog.Admin.Forms;
using Exchange.Catalog.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exchange.Catalog.Admin.Pages.Statistics;

/// <summary>Calls, denials and p95 latency over time, per department and resource, and materials exempted (减材料), from every gateway.</summary>
public sealed class IndexModel(
    GatewayStatistics statistics, DepartmentRegistry departments, Exchange.Catalog.Objections.ObjectionRegister objections, PageClock clock, TimeProvider time) : PageModel
{
    public static readonly IReadOnlyList<(string Key, string Title, TimeSpan Span)> Periods =
    [
        ("1h", "最近 1 小时", TimeSpan.FromHours(1)),
        ("24h", "最近 24 小时", TimeSpan.FromHours(24)),
        ("7d", "最近 7 天", TimeSpan.FromDays(7)),
        ("30d", "最近 30 天", TimeSpan.FromDays(30)),
    ];

    [BindProperty(SupportsGet = true)] public string? Period { get; set; }
    [BindProperty(SupportsGet = true)] public DateTime? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateTime? Until { get; set; }

    public MergedCallStatistics? Statistics { get; private set; }
    public CallChart? Chart { get; private set; }
    public CallChart? LatencyChart { get; private set; }
    public string? Error { get; private set; }
    public IReadOnlyDictionary<string, string> DepartmentNames { get; private set; } = new Dictionary<string, string>();
    public IReadOnlyList<Uri> Gateways => statistics.Gateways;

    /// <summary>Open objections past their deadline, whatever the period: they need attention now.</summary>
    public IReadOnlyList<Protos.Objection.V1.Objection> OverdueObjections { get; private set; } = [];

    public string SelectedPeriod => From is null && Periods.Any(p => p.Key == Period) ? Period! : From is null ? "24h" : "";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        DepartmentNames = (await departments.ListAsync(cancellationToken)).ToDictionary(d => d.Code, d => d.Name, StringComparer.Ordinal);
        OverdueObjections = await objections.OverdueAsync(User.ToCatalogActor(), cancellationToken);
        var window = Window();
        if (!ModelState.IsValid || window is null)
            return;
        if (statistics.Unavailable is { } unavailable)
        {
            Error = unavailable;
            return;
        }
        Statistics = await statistics.GetAsync(window, cancellationToken);
        var pattern = AxisPattern(window.Bucket);
        Chart = CallChart.Of(Statistics, start => clock.Format(start, pattern));
        LatencyChart = CallChart.Latency(Statistics, start => clock.Format(start, pattern));
    }

    public string Time(DateTimeOffset instant) => clock.Format(instant);

    /// <summary>The registry's name; a call that named no department is an unauthenticated caller, and says so.</summary>
    public string DepartmentName(string code) => DepartmentNames.TryGetValue(code, out var name) ? name : Exchange.Labels.DepartmentNames.Of(code);

    /// <summary>A chart line's name in the legend.</summary>
    public string LineName(string label) => label is CallChart.TotalLine or CallChart.DenialsLine or CallChart.LatencyLine ? label : DepartmentName(label);

    public static string Milliseconds(long micros) => (micros / 1000.0).ToString("F1", System.Globalization.CultureInfo.InvariantCulture) + " ms";

    public static string Rate(long part, long whole) =>
        whole == 0 ? "—" : (100.0 * part / whole).ToString("F1", System.Globalization.CultureInfo.InvariantCulture) + "%";

    private static string AxisPattern(TimeSpan bucket) =>
        bucket >= TimeSpan.FromDays(1) ? "MM-dd"
        : bucket >= TimeSpan.FromHours(1) ? "MM-dd HH:mm"
        : bucket >= TimeSpan.FromMinutes(1) ? "HH:mm"
        : "HH:mm:ss";

    private StatisticsWindow? Window()
    {
        var now = time.GetUtcNow();
        if (From is null)
        {
            if (Until is not null)
                ModelState.AddModelError(nameof(From), "请同时填写开始时间。");
            var span = Periods.First(p => p.Key == SelectedPeriod).Span;
            return ModelState.IsValid ? StatisticsWindow.Last(span, now, clock.OffsetAt(now)) : null;
        }

        var from = clock.FromLocal(From.Value);
        var until = Until is { } typed ? clock.FromLocal(typed) : now;
        if (until <= from)
            ModelState.AddModelError(nameof(Until), TimeRangeMessages.EndNotAfterStart);
        else if (until - from > StatisticsWindow.MaxRange)
            ModelState.AddModelError(nameof(Until), $"时间范围不能超过 {StatisticsWindow.MaxRange.TotalDays:0} 天。");
        return ModelState.IsValid ? StatisticsWindow.Between(from, until) : null;
    }
}

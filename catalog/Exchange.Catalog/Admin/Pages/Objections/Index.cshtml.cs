using Exchange.Catalog.Objections;
using Exchange.Protos.Objection.V1;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exchange.Catalog.Admin.Pages.Objections;

/// <summary>Objections (数据异议) to answer: on the department's resources for a reviewer, all for an administrator.</summary>
public sealed class IndexModel(ObjectionRegister register) : PageModel
{
    public static readonly IReadOnlyList<(string Value, string Title)> Filters =
    [
        ("open", "待处理"),
        ("overdue", "已逾期"),
        ("corrected", "已更正"),
        ("rejected", "已驳回"),
        ("all", "全部"),
    ];

    [FromQuery(Name = "state")]
    public string? StateFilter { get; set; }

    public IReadOnlyList<Objection> Objections { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        StateFilter = Filters.Any(f => f.Value == StateFilter) ? StateFilter : "open";
        var request = new ListObjectionsRequest
        {
            View = ObjectionView.ToAnswer,
            PageSize = 500,
            OverdueOnly = StateFilter == "overdue",
            State = StateFilter switch
            {
                "open" => ObjectionState.Open,
                "corrected" => ObjectionState.Corrected,
                "rejected" => ObjectionState.Rejected,
                _ => ObjectionState.Unspecified,
            },
        };
        Objections = await register.ListAsync(User.ToCatalogActor(), request, cancellationToken);
    }
}

using Exchange.Catalog.Access;
using Exchange.Protos.Catalog.V1;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exchange.Catalog.Admin.Pages.Applications;

/// <summary>Access applications: all for an administrator, those for the department's resources for a reviewer.</summary>
public sealed class IndexModel(AccessApplications applications, Domain.DepartmentRegistry departments) : PageModel
{
    public static readonly IReadOnlyList<(string Value, AccessApplicationState State)> Filters =
    [
        ("pending", AccessApplicationState.Pending),
        ("approved", AccessApplicationState.Approved),
        ("rejected", AccessApplicationState.Rejected),
        ("revoked", AccessApplicationState.Revoked),
        ("all", AccessApplicationState.Unspecified),
    ];

    [FromQuery(Name = "state")]
    public string? StateFilter { get; set; }

    public IReadOnlyList<AccessApplication> Applications { get; private set; } = [];

    public IReadOnlyDictionary<string, string> DepartmentNames { get; private set; } = new Dictionary<string, string>();

    /// <summary>The department's name, or the code of one not registered.</summary>
    public string DepartmentName(string code) => DepartmentNames.GetValueOrDefault(code, code);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        DepartmentNames = (await departments.ListAsync(cancellationToken)).ToDictionary(d => d.Code, d => d.Name);
        StateFilter = Filters.Any(f => f.Value == StateFilter) ? StateFilter : "pending";
        var request = new ListAccessApplicationsRequest { State = Filters.First(f => f.Value == StateFilter).State };
        if (User.DepartmentCode() is { } department)
            request.ProviderDepartmentCode = department;
        var found = await applications.ListAsync(User.ToCatalogActor(), request, cancellationToken);
        Applications = found.Reverse().ToList();
    }
}

using Exchange.ExchangeContext;
using Exchange.Gateway.Licences.Clerk;
using Exchange.Protos.Catalog.V1;
using Exchange.Protos.Licence.V1;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exchange.Gateway.Licences.Pages.Clerk;

/// <summary>受理前核查: choose the service item, enter the applicants, see exempt / required / findings, print the acceptance slip.</summary>
internal sealed class MaterialsModel(ClerkLookup lookup, ClerkMaterials materials) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Item { get; set; }

    [BindProperty]
    public string? CaseNumber { get; set; }

    /// <summary>Why the typed case number cannot be used; the check does not run.</summary>
    public string? CaseProblem { get; private set; }

    /// <summary>The holder id typed for each role of the item, by role code.</summary>
    [BindProperty]
    public Dictionary<string, string> Holders { get; set; } = [];

    public IReadOnlyList<ServiceItem> ServiceItems { get; private set; } = [];

    public ServiceItem? Selected { get; private set; }

    public ClerkMaterialAnswer? Answer { get; private set; }

    public string Department => User.Clerk().Department;

    public async Task OnGetAsync() => await LoadAsync();

    public async Task OnPostAsync()
    {
        await LoadAsync();
        if (Selected is null)
            return;
        var applicants = Selected.Roles
            .Where(r => Holders.TryGetValue(r.Code, out var id) && !string.IsNullOrWhiteSpace(id))
            .Select(r => new Applicant { Role = r.Code, HolderId = Holders[r.Code].Trim().ToUpperInvariant() })
            .ToList();
        ModelState.Remove(nameof(CaseNumber));
        CaseNumber = (CaseNumber ?? string.Empty).Trim();
        CaseProblem = CaseNumbers.Problem(CaseNumber);
        if (CaseProblem is not null)
            return;
        Answer = await materials.CheckAsync(User.Clerk(), CaseNumber, Selected.Code, applicants, HttpContext.RequestAborted);
    }

    private async Task LoadAsync()
    {
        ServiceItems = await lookup.ServiceItemsOfAsync(User.Clerk(), HttpContext.RequestAborted);
        var code = (Item ?? string.Empty).Trim().ToUpperInvariant();
        Selected = ServiceItems.FirstOrDefault(i => i.Code == code) ?? (code.Length == 0 ? ServiceItems.FirstOrDefault() : null);
        Item = Selected?.Code ?? code;
    }

    public static string SeverityClass(FindingSeverity severity) => severity switch
    {
        FindingSeverity.Blocking => "bad",
        FindingSeverity.Warning => "warn",
        _ => "muted",
    };

    public string RoleTitle(string role) => Selected?.Roles.FirstOrDefault(r => r.Code == role)?.Title ?? role;
}

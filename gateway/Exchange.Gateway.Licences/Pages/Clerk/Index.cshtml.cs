using Exchange.ExchangeContext;
using Exchange.Gateway.Licences.Clerk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exchange.Gateway.Licences.Pages.Clerk;

internal sealed class IndexModel(ClerkLookup lookup) : PageModel
{
    [BindProperty]
    public string? Query { get; set; }

    /// <summary>The case (办件编号) as the department writes it, Chinese included; recorded exactly as typed (trimmed).</summary>
    [BindProperty]
    public string? CaseNumber { get; set; }

    /// <summary>The code of the service item being handled, one of the clerk's department's; empty to verify without one.</summary>
    [BindProperty]
    public string? ServiceItem { get; set; }

    public IReadOnlyList<Exchange.Protos.Catalog.V1.ServiceItem> ServiceItems { get; private set; } = [];

    public ClerkAnswer? Answer { get; private set; }

    /// <summary>Why the case number cannot be recorded, shown beside its field; nothing is looked up then.</summary>
    public string? CaseProblem { get; private set; }

    public async Task OnGetAsync()
    {
        ServiceItems = await lookup.ServiceItemsOfAsync(User.Clerk(), HttpContext.RequestAborted);
    }

    public async Task OnPostAsync()
    {
        ServiceItems = await lookup.ServiceItemsOfAsync(User.Clerk(), HttpContext.RequestAborted);
        var query = ClerkQuery.Parse(Query);
        // The inputs show what was looked up (trimmed, upper-cased), not the posted text the tag helper would prefer.
        ModelState.Remove(nameof(Query));
        ModelState.Remove(nameof(CaseNumber));
        Query = query.Value;
        CaseNumber = (CaseNumber ?? string.Empty).Trim();
        CaseProblem = CaseNumbers.Problem(CaseNumber);
        if (CaseProblem is not null)
            return;
        var item = (ServiceItem ?? string.Empty).Trim().ToUpperInvariant();
        Answer = await lookup.LookupAsync(query, User.Clerk(), CaseNumber, item.Length == 0 ? null : item, HttpContext.RequestAborted);
    }
}

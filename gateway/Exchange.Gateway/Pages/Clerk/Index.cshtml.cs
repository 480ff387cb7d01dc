using System.Globalization;
using Exchange.Gateway.Clerk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exchange.Gateway.Pages.Clerk;

internal sealed class IndexModel(ClerkLookup lookup, TimeProvider time) : PageModel
{
    [BindProperty]
    public string? Query { get; set; }

    [BindProperty]
    public string? CaseNumber { get; set; }

    /// <summary>The code of the service item being handled, one of the clerk's department's; empty to verify without one.</summary>
    [BindProperty]
    public string? ServiceItem { get; set; }

    public IReadOnlyList<Exchange.Protos.Catalog.V1.ServiceItem> ServiceItems { get; private set; } = [];

    public ClerkAnswer? Answer { get; private set; }

    public async Task OnGetAsync()
    {
        ServiceItems = await lookup.ServiceItemsOfAsync(User.Clerk(), HttpContext.RequestAborted);
    }

    public async Task OnPostAsync()
    {
        ServiceItems = await lookup.ServiceItemsOfAsync(User.Clerk(), HttpContext.RequestAborted);
        var query = ClerkQuery.Parse(Query);
        // The input shows what was looked up (trimmed, upper-cased), not the posted text the tag helper would prefer.
        ModelState.Remove(nameof(Query));
        Query = query.Value;
        var item = (ServiceItem ?? string.Empty).Trim().ToUpperInvariant();
        Answer = await lookup.LookupAsync(query, User.Clerk(), CaseOrDefault(), item.Length == 0 ? null : item, HttpContext.RequestAborted);
    }

    /// <summary>The case typed by the clerk (same characters as the x-exchange-case metadata), or the counter's day.</summary>
    private string CaseOrDefault()
    {
        var typed = (CaseNumber ?? string.Empty).Trim();
        if (typed.Length is > 0 and <= 64 && typed.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '/' or '.'))
            return typed;
        return "COUNTER-" + time.GetUtcNow().ToString("yyyyMMdd", CultureInfo.InvariantCulture);
    }
}

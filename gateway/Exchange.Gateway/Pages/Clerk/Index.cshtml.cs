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

    public ClerkAnswer? Answer { get; private set; }

    public void OnGet()
    {
    }

    public async Task OnPostAsync()
    {
        var query = ClerkQuery.Parse(Query);
        // The input shows what was looked up (trimmed, upper-cased), not the posted text the tag helper would prefer.
        ModelState.Remove(nameof(Query));
        Query = query.Value;
        Answer = await lookup.LookupAsync(query, User.Clerk(), CaseOrDefault(), HttpContext.RequestAborted);
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

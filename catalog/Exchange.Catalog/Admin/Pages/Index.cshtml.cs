using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exchange.Catalog.Admin.Pages;

public sealed class IndexModel : PageModel
{
    public IActionResult OnGet() => User.IsCatalogAdmin()
        ? RedirectToPage("/Resources/Index")
        : RedirectToPage("/Applications/Index", new { state = "pending" });
}

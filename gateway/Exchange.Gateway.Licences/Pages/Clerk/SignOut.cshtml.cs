using Exchange.Gateway.Licences.Clerk;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exchange.Gateway.Licences.Pages.Clerk;

internal sealed class SignOutModel : PageModel
{
    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(ClerkPageExtensions.CookieScheme);
        return Redirect(ClerkPageExtensions.BasePath + "/signin");
    }
}

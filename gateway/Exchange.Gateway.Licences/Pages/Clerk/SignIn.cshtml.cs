using System.Security.Claims;
using Exchange.Gateway.Licences.Clerk;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exchange.Gateway.Licences.Pages.Clerk;

internal sealed class SignInModel(ClerkAccounts accounts) : PageModel
{
    [BindProperty]
    public string UserName { get; set; } = string.Empty;

    [BindProperty]
    public string Password { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnPostAsync()
    {
        var account = accounts.SignIn(UserName.Trim(), Password, out var problem);
        if (account is null)
        {
            Problem = problem;
            return Page();
        }
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, UserName.Trim()),
                new Claim(ClerkPageExtensions.DepartmentClaim, account.Department),
                new Claim(ClaimTypes.GivenName, account.DisplayName),
            ],
            ClerkPageExtensions.CookieScheme);
        await HttpContext.SignInAsync(ClerkPageExtensions.CookieScheme, new ClaimsPrincipal(identity));
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : ClerkPageExtensions.BasePath);
    }
}

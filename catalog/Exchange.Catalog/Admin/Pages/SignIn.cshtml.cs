using Exchange.Catalog.Admin.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exchange.Catalog.Admin.Pages;

public sealed class SignInModel(AdminSignIn signIn, PageClock clock) : PageModel
{
    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(UserName) || string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(string.Empty, "请输入用户名和密码。");
            return Page();
        }

        var outcome = await signIn.CheckAsync(UserName, Password, cancellationToken);
        if (outcome.Principal is null)
        {
            ModelState.AddModelError(string.Empty, outcome.LockedUntil is { } until
                ? $"登录失败次数过多，账户已锁定至 {clock.Format(until)}，请稍后再试。"
                : "用户名或密码错误。");
            Password = null;
            return Page();
        }

        await HttpContext.SignInAsync(AdminPolicies.CookieScheme, outcome.Principal);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) && ReturnUrl!.StartsWith(AdminUiExtensions.BasePath, StringComparison.Ordinal)
            ? ReturnUrl
            : AdminUiExtensions.BasePath + "/resources");
    }
}

using System.Security.Claims;
using Exchange.Catalog.Identity;
using Exchange.Catalog.Identity.Holders;
using Exchange.Identifiers;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Exchange.Catalog.Admin.Pages.Holder;

/// <summary>
/// A holder proves who they are to the identity service (here the demo one: a one-time code in the catalog's log),
/// then goes back to the authorization endpoint. The antiforgery token of the admin UI is scoped to /admin, so this
/// page relies on its attempt cookie instead: SameSite Strict, so a form posted from another site carries none.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class SignInModel(DemoIdentityStore identities, IOptions<HolderSignInOptions> options) : PageModel
{
    [BindProperty]
    public string? HolderId { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>A code has been sent for this attempt: show the code field.</summary>
    public bool CodeSent { get; private set; }

    public string? Problem { get; private set; }

    public int CodeMinutes => (int)options.Value.CodeLifetime.TotalMinutes;

    public IActionResult OnGet() => ValidReturnUrl() ? Page() : BadRequest("returnUrl must lead back to the authorization endpoint.");

    public IActionResult OnPostSend()
    {
        if (!ValidReturnUrl())
            return BadRequest("returnUrl must lead back to the authorization endpoint.");
        var holder = HolderIdentifier.Normalise(HolderId);
        if (HolderIdentifier.Problem(holder) is not null)
        {
            Problem = "请输入有效的18位公民身份号码或统一社会信用代码。";
            return Page();
        }
        HolderId = holder;
        var attempt = identities.SendCode(holder);
        if (attempt is null)
        {
            Problem = "获取验证码过于频繁，请稍后再试。";
            return Page();
        }
        Response.Cookies.Append(HolderSignInExtensions.AttemptCookie, attempt, new CookieOptions
        {
            HttpOnly = true,
            Secure = Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            Path = HolderSignInExtensions.SignInPath,
            MaxAge = options.Value.CodeLifetime,
        });
        CodeSent = true;
        return Page();
    }

    public async Task<IActionResult> OnPostVerifyAsync()
    {
        if (!ValidReturnUrl())
            return BadRequest("returnUrl must lead back to the authorization endpoint.");
        var check = identities.Redeem(Request.Cookies[HolderSignInExtensions.AttemptCookie], Code);
        Code = null;
        if (check.HolderId is not { } holder)
        {
            Problem = check.Problem;
            CodeSent = check != CodeCheck.NoAttempt && check != CodeCheck.Expired && check != CodeCheck.TooManyAttempts;
            if (!CodeSent)
                Response.Cookies.Delete(HolderSignInExtensions.AttemptCookie, new CookieOptions { Path = HolderSignInExtensions.SignInPath });
            return Page();
        }
        Response.Cookies.Delete(HolderSignInExtensions.AttemptCookie, new CookieOptions { Path = HolderSignInExtensions.SignInPath });
        var identity = new ClaimsIdentity([new Claim(ExchangeClaims.HolderId, holder)], HolderSignInExtensions.CookieScheme);
        await HttpContext.SignInAsync(HolderSignInExtensions.CookieScheme, new ClaimsPrincipal(identity));
        return LocalRedirect(ReturnUrl!);
    }

    private bool ValidReturnUrl() =>
        !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl)
        && ReturnUrl.StartsWith(AuthorizeEndpoint.Path + "?", StringComparison.Ordinal);
}

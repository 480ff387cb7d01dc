using Exchange.Catalog.Access;
using Exchange.Catalog.Admin.Forms;
using Exchange.Protos.Catalog.V1;
using Exchange.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exchange.Catalog.Admin.Pages.Applications;

/// <summary>One access application, and the decisions its provider's reviewer or an administrator can make on it.</summary>
public sealed class DetailModel(AccessApplications applications, Domain.DepartmentRegistry departments, Domain.ResourceCatalog catalog) : PageModel
{
    [FromRoute]
    public string Id { get; set; } = string.Empty;

    /// <summary>The note of an approval (optional) or the reason of a rejection or revocation (required).</summary>
    [BindProperty]
    public string? Reason { get; set; }

    public AccessApplication Application { get; private set; } = new();

    public bool MayDecide => User.MayDecideFor(Application.ProviderDepartmentCode);

    public string? Error { get; private set; }

    /// <summary>The form whose reason field has the error, so the page shows it next to that field.</summary>
    public string? FailedForm { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ?? Page();

    public Task<IActionResult> OnPostApproveAsync(CancellationToken cancellationToken) =>
        DecideAsync("approve", "已批准", (actor, id, reason) => applications.ApproveAsync(actor, id, reason, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostRejectAsync(CancellationToken cancellationToken) =>
        DecideAsync("reject", "已驳回", (actor, id, reason) => applications.RejectAsync(actor, id, reason, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostRevokeAsync(CancellationToken cancellationToken) =>
        DecideAsync("revoke", "已撤销", (actor, id, reason) => applications.RevokeAsync(actor, id, reason, cancellationToken), cancellationToken);

    private async Task<IActionResult> DecideAsync(
        string form, string done, Func<Domain.CatalogActor, string, string, Task<AccessApplication>> decide, CancellationToken cancellationToken)
    {
        try
        {
            var decided = await decide(User.ToCatalogActor(), Id, Reason ?? string.Empty);
            TempData["Notice"] = $"{done}：{decided.ConsumerDepartmentCode} 对 {decided.ResourceCode} 的申请。网关将在数秒内按此执行。";
            return RedirectToPage(new { id = Id });
        }
        catch (InvalidFieldException invalid)
        {
            FailedForm = form;
            ModelState.AddModelError(nameof(Reason), DomainMessages.Reason(invalid.Reason));
        }
        catch (PermissionDeniedException)
        {
            Error = "只有该资源提供部门的审核员或目录管理员可以审核此申请。";
        }
        catch (PreconditionFailedException)
        {
            Error = "该申请的状态已不允许此操作（可能已被他人处理，或申请的有效期已过），请查看最新状态。";
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        return await LoadAsync(cancellationToken) ?? Page();
    }

    public IReadOnlyDictionary<string, string> DepartmentNames { get; private set; } = new Dictionary<string, string>();

    /// <summary>The department's name with its code, or the code of one not registered.</summary>
    public string Department(string code) => DepartmentNames.TryGetValue(code, out var name) ? $"{name}（{code}）" : code;

    /// <summary>The department's name alone, for headings.</summary>
    public string DepartmentName(string code) => DepartmentNames.TryGetValue(code, out var name) ? name : Exchange.Labels.DepartmentNames.Of(code);

    /// <summary>The resource's name, from its draft (the catalog's current wording); empty when it is gone.</summary>
    public string ResourceName { get; private set; } = string.Empty;

    /// <summary>Data item titles by name, from the resource, so reviewers read 公民身份号码 rather than citizen_id.</summary>
    public IReadOnlyDictionary<string, string> ItemTitles { get; private set; } = new Dictionary<string, string>();

    public string ItemTitle(string name) => ItemTitles.TryGetValue(name, out var title) && title.Length > 0 ? title : name;

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        DepartmentNames = (await departments.ListAsync(cancellationToken)).ToDictionary(d => d.Code, d => d.Name);
        try
        {
            Application = await applications.GetAsync(User.ToCatalogActor(), Id, cancellationToken);
            try
            {
                var resource = await catalog.GetDraftAsync(Application.ResourceCode, cancellationToken);
                ResourceName = resource.Name;
                ItemTitles = resource.DataItems.GroupBy(i => i.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Title, StringComparer.Ordinal);
            }
            catch (NotFoundException)
            {
                // The page still shows the application; items stay under their names.
            }
            return null;
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (PermissionDeniedException)
        {
            return Forbid(AdminPolicies.CookieScheme);
        }
    }
}

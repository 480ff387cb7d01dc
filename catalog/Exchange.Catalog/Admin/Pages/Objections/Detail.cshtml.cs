using Exchange.Catalog.Admin.Forms;
using Exchange.Catalog.Objections;
using Exchange.Protos.Objection.V1;
using Exchange.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exchange.Catalog.Admin.Pages.Objections;

/// <summary>One objection, its steps, and the answers its provider's reviewer or an administrator can give.</summary>
public sealed class DetailModel(ObjectionRegister register) : PageModel
{
    [FromRoute]
    public string Id { get; set; } = string.Empty;

    /// <summary>What was corrected, or why the objection is rejected; required either way.</summary>
    [BindProperty]
    public string? Answer { get; set; }

    public Objection Objection { get; private set; } = new();

    public bool MayAnswer => User.MayDecideFor(Objection.ProviderDepartmentCode);

    public string? Error { get; private set; }

    public string? FailedForm { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ?? Page();

    public Task<IActionResult> OnPostCorrectAsync(CancellationToken cancellationToken) =>
        AnswerAsync("correct", ObjectionOutcome.Corrected, "已更正", cancellationToken);

    public Task<IActionResult> OnPostRejectAsync(CancellationToken cancellationToken) =>
        AnswerAsync("reject", ObjectionOutcome.Rejected, "已驳回", cancellationToken);

    private async Task<IActionResult> AnswerAsync(string form, ObjectionOutcome outcome, string done, CancellationToken cancellationToken)
    {
        try
        {
            var answered = await register.AnswerAsync(User.ToCatalogActor(), Id, outcome, Answer ?? string.Empty, cancellationToken);
            TempData["Notice"] = $"{done}：{answered.ResourceCode} 中 {answered.HolderId} 的 {string.Join("、", answered.DataItems)}。网关将在数秒内停止提示此异议。";
            return RedirectToPage(new { id = Id });
        }
        catch (InvalidFieldException invalid)
        {
            FailedForm = form;
            ModelState.AddModelError(nameof(Answer), DomainMessages.Reason(invalid.Reason));
        }
        catch (PermissionDeniedException)
        {
            Error = "只有该资源提供部门的审核员或目录管理员可以处理此异议。";
        }
        catch (PreconditionFailedException)
        {
            Error = "该异议已被处理，请查看最新状态。";
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        return await LoadAsync(cancellationToken) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        try
        {
            Objection = await register.GetAsync(User.ToCatalogActor(), Id, cancellationToken);
            return null;
        }
        catch (Exception ex) when (ex is NotFoundException or InvalidFieldException)
        {
            return NotFound();
        }
    }
}

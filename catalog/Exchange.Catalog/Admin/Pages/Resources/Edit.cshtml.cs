using Exchange.Catalog.Admin.Forms;
using Exchange.Catalog.Domain;
using Exchange.Protos.Catalog.V1;
using Exchange.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exchange.Catalog.Admin.Pages.Resources;

/// <summary>Creates a resource draft (/admin/drafts/new) or edits one. The whole draft is stored or nothing is.</summary>
public sealed class EditModel(ResourceCatalog catalog, DepartmentRegistry departments) : PageModel
{
    private const string Prefix = nameof(Form);

    [FromRoute]
    public string? Code { get; set; }

    [BindProperty]
    public ResourceForm Form { get; set; } = new();

    public IReadOnlyList<Department> Departments { get; private set; } = [];

    public bool IsNew => string.IsNullOrEmpty(Code);

    /// <summary>A problem that belongs to no single field.</summary>
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!IsNew)
        {
            try
            {
                Form = ResourceForm.From(await catalog.GetDraftAsync(Code!, cancellationToken));
            }
            catch (NotFoundException)
            {
                return NotFound();
            }
        }
        Form.WithBlankRows();
        Departments = await departments.ListAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!IsNew)
            Form.Code = Code;
        if (ModelState.IsValid)
        {
            var resource = Form.ToResource(out var rowOfItem);
            // Every malformed field at once; the catalog itself still refuses the first one should this be bypassed.
            foreach (var (field, reason) in ResourceDraftRules.Problems(resource))
                ModelState.AddModelError(FieldKeys.OfResourceField(Prefix, field, rowOfItem), DomainMessages.Reason(reason));
        }
        if (ModelState.IsValid)
        {
            var resource = Form.ToResource(out var rowOfItem);
            try
            {
                var saved = IsNew
                    ? await catalog.CreateDraftAsync(resource, cancellationToken)
                    : await catalog.UpdateDraftAsync(resource, cancellationToken);
                TempData["Notice"] = IsNew ? $"已创建资源 {saved.Code} 的草稿。" : $"已保存 {saved.Code} 的草稿；发布后生效。";
                return RedirectToPage("/Resources/Detail", new { code = saved.Code });
            }
            catch (InvalidFieldException invalid)
            {
                ModelState.AddModelError(FieldKeys.OfResourceField(Prefix, invalid.Field, rowOfItem), DomainMessages.Reason(invalid.Reason));
            }
            catch (AlreadyExistsException)
            {
                ModelState.AddModelError($"{Prefix}.{nameof(ResourceForm.Code)}", $"资源代码 {resource.Code} 已存在。");
            }
            catch (PreconditionFailedException failed)
            {
                foreach (var violation in failed.Violations)
                {
                    var (field, text) = DomainMessages.Publication(violation);
                    ModelState.AddModelError(field.Length == 0 ? string.Empty : $"{Prefix}.{field}", text);
                }
            }
            catch (NotFoundException)
            {
                return NotFound();
            }
        }

        Error = "草稿未保存，请修改标出的字段后重试。";
        Form.WithBlankRows();
        Departments = await departments.ListAsync(cancellationToken);
        return Page();
    }
}

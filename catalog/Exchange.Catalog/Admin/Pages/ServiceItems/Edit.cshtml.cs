using Exchange.Catalog.Admin.Forms;
using Exchange.Catalog.Domain;
using Exchange.Catalog.Licences;
using Exchange.Protos.Catalog.V1;
using Exchange.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Exchange.Catalog.Admin.Pages.ServiceItems;

/// <summary>Creates a service item (/admin/service-items/new) or edits one. The whole item is stored or nothing is.</summary>
public sealed class EditModel(ServiceItemEditor editor, DepartmentRegistry departments, ResourceCatalog resources) : PageModel
{
    private const string Prefix = nameof(Form);

    [FromRoute]
    public string? Code { get; set; }

    [BindProperty]
    public ServiceItemForm Form { get; set; } = new();

    public IReadOnlyList<Department> Departments { get; private set; } = [];

    /// <summary>The licence types published e-licence resources issue, and the other published resources, for the choices.</summary>
    public IReadOnlyList<string> LicenceTypes { get; private set; } = [];

    public IReadOnlyList<Resource> DataResources { get; private set; } = [];

    public bool IsNew => string.IsNullOrEmpty(Code);

    /// <summary>A problem that belongs to no single field.</summary>
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!IsNew)
        {
            var record = await editor.FindAsync(Code!, cancellationToken);
            if (record is null)
                return NotFound();
            Form = ServiceItemForm.From(ServiceItemCatalog.ToContract(record), record.Revision);
        }
        await LoadChoicesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!IsNew)
            Form.Code = Code;
        var item = Form.ToServiceItem(out var rowOfRole, out var rowOfMaterial);
        if (ModelState.IsValid)
        {
            foreach (var (field, reason) in await editor.ProblemsAsync(item, cancellationToken))
                ModelState.AddModelError(FieldKeys.OfServiceItemField(Prefix, field, rowOfRole, rowOfMaterial), reason);
        }
        if (ModelState.IsValid)
        {
            try
            {
                await editor.SaveAsync(item, IsNew ? null : Form.Revision ?? 0, User.Identity?.Name ?? "unknown", cancellationToken);
                TempData["Notice"] = IsNew ? $"已创建办事事项 {item.Code}。" : $"已保存办事事项 {item.Code}；网关在刷新间隔内使用新的材料清单。";
                return RedirectToPage("/ServiceItems/Index");
            }
            catch (InvalidFieldException invalid)
            {
                ModelState.AddModelError(FieldKeys.OfServiceItemField(Prefix, invalid.Field, rowOfRole, rowOfMaterial), invalid.Reason);
            }
            catch (AlreadyExistsException exists)
            {
                ModelState.AddModelError($"{Prefix}.{nameof(ServiceItemForm.Code)}", exists.Message);
            }
            catch (PreconditionFailedException stale)
            {
                ModelState.AddModelError(string.Empty, stale.Message);
            }
            catch (NotFoundException)
            {
                return NotFound();
            }
        }

        Error = "事项未保存，请修改标出的字段后重试。";
        await LoadChoicesAsync(cancellationToken);
        return Page();
    }

    private async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        Form.WithBlankRows();
        Departments = await departments.ListAsync(cancellationToken);
        var published = await resources.ListPublishedAsync(string.Empty, cancellationToken);
        LicenceTypes = published.SelectMany(r => r.LicenceTypeCodes).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        DataResources = published.Where(r => r.LicenceTypeCodes.Count == 0).OrderBy(r => r.Code, StringComparer.Ordinal).ToList();
    }
}

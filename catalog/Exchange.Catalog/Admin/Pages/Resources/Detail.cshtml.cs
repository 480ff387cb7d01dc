using Exchange.Catalog.Admin.Forms;
using Exchange.Catalog.Domain;
using Exchange.Catalog.Store;
using Exchange.Protos.Catalog.V1;
using Exchange.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Exchange.Catalog.Admin.Pages.Resources;

public sealed class DetailModel(CatalogDbContext db, ResourceCatalog catalog, DepartmentRegistry departments) : PageModel
{
    [FromRoute]
    public string Code { get; set; } = string.Empty;

    /// <summary>The version to show instead of the draft; 0 for the draft.</summary>
    [FromQuery(Name = "version")]
    public int ShownVersion { get; set; }

    public Resource Draft { get; private set; } = new();

    /// <summary>What the page shows: the draft or the chosen version.</summary>
    public Resource Shown { get; private set; } = new();

    public IReadOnlyList<Resource> Versions { get; private set; } = [];

    public string ProviderName { get; private set; } = string.Empty;

    /// <summary>Why the last publish was refused, each with the field it concerns.</summary>
    public IReadOnlyList<(string Field, string Text)> PublishProblems { get; private set; } = [];

    public string? Error { get; private set; }

    public bool IsPublished => Versions.Any(v => v.State == ResourceState.Published);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostPublishAsync(CancellationToken cancellationToken)
    {
        if (!User.IsCatalogAdmin())
            return Forbid(AdminPolicies.CookieScheme);
        try
        {
            var published = await catalog.PublishAsync(Code, cancellationToken);
            TempData["Notice"] = $"已发布 {Code} 第 {published.Version} 版，网关将在数秒内按新版本路由。";
            return RedirectToPage(new { code = Code });
        }
        catch (PreconditionFailedException failed)
        {
            PublishProblems = failed.Violations.Select(DomainMessages.Publication).ToList();
            Error = $"资源 {Code} 暂不能发布，请先修改草稿：";
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    /// <summary>Set by the confirmation's own button: 停用 takes a live resource off every gateway within seconds.</summary>
    [BindProperty]
    public bool Confirmed { get; set; }

    /// <summary>The page asks before deprecating: the first 停用 shows what it will do, the second does it.</summary>
    public bool ConfirmingDeprecation { get; private set; }

    public async Task<IActionResult> OnPostDeprecateAsync(CancellationToken cancellationToken)
    {
        if (!User.IsCatalogAdmin())
            return Forbid(AdminPolicies.CookieScheme);
        if (!Confirmed)
        {
            ConfirmingDeprecation = true;
            return await LoadAsync(cancellationToken) ? Page() : NotFound();
        }
        try
        {
            var deprecated = await catalog.DeprecateAsync(Code, cancellationToken);
            TempData["Notice"] = $"已停用 {Code} 第 {deprecated.Version} 版，网关将在数秒内停止路由该资源。";
            return RedirectToPage(new { code = Code });
        }
        catch (PreconditionFailedException)
        {
            Error = $"资源 {Code} 没有已发布的版本，无需停用。";
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    public static string FieldTitle(string field) => field switch
    {
        "ProviderDepartmentCode" => "提供部门",
        "DataItems" => "数据项",
        "ShareType" => "共享类型",
        "GrpcService" => "gRPC 服务",
        "GrpcMethods" => "gRPC 方法",
        "Endpoint" => "服务地址",
        _ => "其他",
    };

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var entry = await db.ResourceEntries.AsNoTracking().SingleOrDefaultAsync(e => e.Code == Code, cancellationToken);
        if (entry is null)
            return false;
        Draft = entry.ToContract();
        var versions = await db.ResourceVersions.AsNoTracking().Where(v => v.Code == Code).ToListAsync(cancellationToken);
        Versions = versions.OrderByDescending(v => v.Version).Select(v => v.ToContract()).ToList();
        Shown = ShownVersion > 0 ? Versions.FirstOrDefault(v => v.Version == ShownVersion) ?? Draft : Draft;
        var provider = (await departments.ListAsync(cancellationToken)).FirstOrDefault(d => d.Code == Shown.ProviderDepartmentCode);
        ProviderName = provider is null ? Shown.ProviderDepartmentCode : $"{provider.Name}（{provider.Code}）";
        return true;
    }
}

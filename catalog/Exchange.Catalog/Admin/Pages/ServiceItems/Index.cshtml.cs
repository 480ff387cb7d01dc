using Exchange.Catalog.Domain;
using Exchange.Catalog.Store;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Exchange.Catalog.Admin.Pages.ServiceItems;

/// <summary>The service items (政务服务事项): what each asks of the applicants, and what the exchange can stand in for.</summary>
public sealed class IndexModel(CatalogDbContext db, DepartmentRegistry departments) : PageModel
{
    public IReadOnlyList<ServiceItemRecord> Items { get; private set; } = [];

    public IReadOnlyDictionary<string, string> DepartmentNames { get; private set; } = new Dictionary<string, string>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Items = (await db.ServiceItems.AsNoTracking().ToListAsync(cancellationToken)).OrderBy(i => i.Code, StringComparer.Ordinal).ToList();
        DepartmentNames = (await departments.ListAsync(cancellationToken)).ToDictionary(d => d.Code, d => d.Name);
    }

    public string DepartmentName(string code) => DepartmentNames.TryGetValue(code, out var name) ? name : code;
}

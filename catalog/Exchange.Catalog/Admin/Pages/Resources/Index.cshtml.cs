using Exchange.Catalog.Domain;
using Exchange.Catalog.Store;
using Exchange.Protos.Catalog.V1;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Exchange.Catalog.Admin.Pages.Resources;

public sealed class IndexModel(CatalogDbContext db, DepartmentRegistry departments) : PageModel
{
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public IReadOnlyDictionary<string, string> DepartmentNames { get; private set; } = new Dictionary<string, string>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var entries = await db.ResourceEntries.AsNoTracking().OrderBy(e => e.Code).ToListAsync(cancellationToken);
        var versions = (await db.ResourceVersions.AsNoTracking().ToListAsync(cancellationToken)).ToLookup(v => v.Code);
        DepartmentNames = (await departments.ListAsync(cancellationToken)).ToDictionary(d => d.Code, d => d.Name);
        Rows = entries.Select(entry =>
        {
            var latest = versions[entry.Code].MaxBy(v => v.Version);
            var state = latest?.ToContract().State ?? ResourceState.Draft;
            return new Row(entry.ToContract(), state, latest?.Version ?? 0, latest is null || entry.UpdatedAt > latest.PublishTime, entry.UpdatedAt);
        }).ToList();
    }

    public string DepartmentName(string code) => DepartmentNames.TryGetValue(code, out var name) ? name : code;

    /// <param name="State">Of the latest version; Draft when never published.</param>
    /// <param name="DraftAhead">The draft has changes no version has.</param>
    public sealed record Row(Resource Draft, ResourceState State, int Version, bool DraftAhead, DateTimeOffset DraftUpdated);
}

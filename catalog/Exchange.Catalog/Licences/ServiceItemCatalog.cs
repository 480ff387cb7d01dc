using Exchange.Catalog.Store;
using Exchange.Protos.Catalog.V1;
using Exchange.ServiceDefaults.Errors;
using Microsoft.EntityFrameworkCore;

namespace Exchange.Catalog.Licences;

/// <summary>The service items (政务服务事项) and their materials, as the gateway's material checks read them.</summary>
public sealed class ServiceItemCatalog(CatalogDbContext db)
{
    public async Task<IReadOnlyList<ServiceItem>> ListAsync(CancellationToken cancellationToken)
    {
        var records = await db.ServiceItems.AsNoTracking().ToListAsync(cancellationToken);
        return records.OrderBy(r => r.Code, StringComparer.Ordinal).Select(ToContract).ToList();
    }

    public async Task<ServiceItem> GetAsync(string code, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(code))
            throw new InvalidFieldException("code", "is required, for example CA-MARRIAGE-REGISTRATION");
        var record = await db.ServiceItems.AsNoTracking().SingleOrDefaultAsync(r => r.Code == code, cancellationToken)
                     ?? throw new NotFoundException($"The catalog has no service item {code}; ListServiceItems names them all.");
        return ToContract(record);
    }

    public static ServiceItemRecord ToRecord(ServiceItem item) => new()
    {
        Code = item.Code,
        Name = item.Name,
        DepartmentCode = item.DepartmentCode,
        RuleCodes = [.. item.RuleCodes],
        Roles = item.Roles.Select(r => new ApplicantRoleRecord { Code = r.Code, Title = r.Title, HolderKind = r.HolderKind }).ToList(),
        Materials = item.Materials.Select(m => new MaterialRecord
        {
            Code = m.Code,
            Name = m.Name,
            Role = m.Role,
            LicenceTypeCode = m.ReplacementCase == Material.ReplacementOneofCase.LicenceTypeCode ? m.LicenceTypeCode : null,
            ResourceCode = m.ReplacementCase == Material.ReplacementOneofCase.ResourceCode ? m.ResourceCode : null,
            Note = m.Note,
            LicenceDataItems = [.. m.LicenceDataItems],
        }).ToList(),
    };

    public static ServiceItem ToContract(ServiceItemRecord record)
    {
        var item = new ServiceItem { Code = record.Code, Name = record.Name, DepartmentCode = record.DepartmentCode, RuleCodes = { record.RuleCodes } };
        item.Roles.Add(record.Roles.Select(r => new ApplicantRole { Code = r.Code, Title = r.Title, HolderKind = r.HolderKind }));
        foreach (var m in record.Materials)
        {
            var material = new Material { Code = m.Code, Name = m.Name, Role = m.Role, Note = m.Note, LicenceDataItems = { m.LicenceDataItems } };
            if (m.LicenceTypeCode is { } type)
                material.LicenceTypeCode = type;
            else if (m.ResourceCode is { } resource)
                material.ResourceCode = resource;
            item.Materials.Add(material);
        }
        return item;
    }
}

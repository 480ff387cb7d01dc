using Exchange.Catalog.Store;
using Exchange.Identifiers;
using Exchange.Protos.Catalog.V1;
using Exchange.ServiceDefaults.Errors;
using Microsoft.EntityFrameworkCore;

namespace Exchange.Catalog.Domain;

/// <summary>The departments that may provide and consume resources.</summary>
public sealed class DepartmentRegistry(CatalogDbContext db, CatalogWriteGate gate, ILogger<DepartmentRegistry> logger)
{
    public const int MaxNameLength = 200;

    public async Task<Department> RegisterAsync(Department? department, CancellationToken cancellationToken)
    {
        if (department is null)
            throw new InvalidFieldException("department", "is required");
        if (CatalogCode.Problem(department.Code) is { } codeProblem)
            throw new InvalidFieldException("department.code", codeProblem);
        var name = department.Name.Trim();
        if (name.Length == 0)
            throw new InvalidFieldException("department.name", "is required");
        if (name.Length > MaxNameLength)
            throw new InvalidFieldException("department.name", $"must be at most {MaxNameLength} characters");
        var creditCode = department.CreditCode.Trim();
        if (creditCode.Length > 0 && UnifiedSocialCreditCode.Validate(creditCode) is { IsValid: false } check)
            throw new InvalidFieldException("department.credit_code", check.Reason);

        using (await gate.EnterAsync(cancellationToken))
        {
            if (await db.Departments.AnyAsync(d => d.Code == department.Code, cancellationToken))
                throw new AlreadyExistsException($"Department {department.Code} is already registered.");

            var record = new DepartmentRecord { Code = department.Code, Name = name, CreditCode = creditCode };
            db.Departments.Add(record);
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Registered department {DepartmentCode} {DepartmentName}", record.Code, record.Name);
            return record.ToContract();
        }
    }

    public async Task<IReadOnlyList<Department>> ListAsync(CancellationToken cancellationToken)
    {
        var departments = await db.Departments.AsNoTracking().OrderBy(d => d.Code).ToListAsync(cancellationToken);
        return departments.Select(d => d.ToContract()).ToList();
    }

    public Task<bool> ExistsAsync(string code, CancellationToken cancellationToken) =>
        db.Departments.AnyAsync(d => d.Code == code, cancellationToken);
}

using System.Security.Claims;
using Exchange.Catalog.Domain;

namespace Exchange.Catalog.Admin;

/// <summary>What the admin cookie says about the signed-in account.</summary>
public static class AdminUser
{
    public const string DepartmentClaim = "department";
    public const string SecurityStampClaim = "security_stamp";

    public static bool IsCatalogAdmin(this ClaimsPrincipal user) => user.IsInRole(AdminRoles.CatalogAdmin);

    public static string? DepartmentCode(this ClaimsPrincipal user) =>
        user.IsInRole(AdminRoles.DepartmentReviewer) ? user.FindFirstValue(DepartmentClaim) : null;

    public static string Role(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Role) ?? string.Empty;

    /// <summary>The account as the catalog's domain services see it: an administrator, or its department.</summary>
    public static CatalogActor ToCatalogActor(this ClaimsPrincipal user)
    {
        var name = user.Identity?.Name ?? throw new InvalidOperationException("Nobody is signed in.");
        if (user.IsCatalogAdmin())
            return CatalogActor.Administrator(name);
        return user.DepartmentCode() is { Length: > 0 } department
            ? CatalogActor.ForDepartment(name, department)
            : throw new InvalidOperationException($"Account {name} has neither the admin role nor a department.");
    }

    /// <summary>Whether the account may approve, reject or revoke applications for resources of <paramref name="providerDepartmentCode"/>.</summary>
    public static bool MayDecideFor(this ClaimsPrincipal user, string providerDepartmentCode) =>
        user.IsCatalogAdmin() || user.DepartmentCode() == providerDepartmentCode;
}

using Exchange.ServiceDefaults.Errors;

namespace Exchange.Catalog.Domain;

/// <summary>
/// Who is acting on the catalog: from a bearer token (gRPC) or a signed-in account (admin pages). The domain
/// services take it explicitly, so both front ends apply the same rules.
/// </summary>
/// <param name="Name">Recorded as decided_by: the client id or the administrator's account name.</param>
/// <param name="DepartmentCode">The department acted for; set exactly when <paramref name="Role"/> is Department.</param>
/// <param name="HolderId">The citizen id or credit code acted for; set exactly when <paramref name="Role"/> is Holder.</param>
public sealed record CatalogActor(string Name, ActorRole Role, string? DepartmentCode, string? HolderId = null)
{
    public static CatalogActor ForHolder(string name, string holderId) => new(name, ActorRole.Holder, null, holderId);

    public static CatalogActor ForDepartment(string name, string departmentCode) => new(name, ActorRole.Department, departmentCode);

    public static CatalogActor Administrator(string name) => new(name, ActorRole.CatalogAdmin, null);

    public static CatalogActor Gateway(string name) => new(name, ActorRole.Gateway, null);

    public bool IsCatalogAdmin => Role == ActorRole.CatalogAdmin;

    public bool ActsFor(string departmentCode) => Role == ActorRole.Department && DepartmentCode == departmentCode;

    /// <exception cref="PermissionDeniedException">naming the roles that may do <paramref name="what"/>.</exception>
    public void RequireRole(string what, params ActorRole[] roles)
    {
        if (!roles.Contains(Role))
            throw new PermissionDeniedException(
                $"To {what} the caller needs role {string.Join(" or ", roles.Select(RoleName))}; {this} has role {RoleName(Role)}.");
    }

    public static string RoleName(ActorRole role) => role switch
    {
        ActorRole.Department => "department",
        ActorRole.Gateway => "gateway",
        ActorRole.CatalogAdmin => "catalog-admin",
        ActorRole.Holder => "holder",
        _ => role.ToString(),
    };

    public override string ToString() => DepartmentCode is not null ? $"{Name} ({DepartmentCode})"
        : HolderId is not null ? $"holder {HolderId}" : Name;
}

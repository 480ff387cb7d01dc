namespace Exchange.Catalog.Admin;

/// <summary>What a signed-in account may do in the admin UI.</summary>
public static class AdminRoles
{
    /// <summary>Maintains the catalog, decides any application, reads the audit log.</summary>
    public const string CatalogAdmin = "catalog-admin";

    /// <summary>Decides the applications for the resources of one department.</summary>
    public const string DepartmentReviewer = "department-reviewer";

    public static bool IsKnown(string? role) => role is CatalogAdmin or DepartmentReviewer;

    public static string Title(string? role) => role switch
    {
        CatalogAdmin => "目录管理员",
        DepartmentReviewer => "部门审核员",
        _ => "未知角色",
    };
}

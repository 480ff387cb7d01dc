namespace Exchange.Catalog.Admin;

/// <summary>Authorization policies of the admin pages; both authenticate with the admin cookie only.</summary>
public static class AdminPolicies
{
    public const string CookieScheme = "AdminCookie";

    /// <summary>Any signed-in account.</summary>
    public const string Staff = "AdminStaff";

    /// <summary>Catalog administrators only.</summary>
    public const string CatalogAdmin = "AdminCatalogAdmin";
}

namespace Exchange.Labels;

/// <summary>
/// The codes the catalog gives Exchange's own clients where a department's code would stand. They name who called in
/// the audit log and the usage pages, but no department: neither receives a holder's items at a counter.
/// </summary>
public static class OwnClientCodes
{
    /// <summary>The holders' portal: a call under it is the signed-in holder's own.</summary>
    public const string Portal = "PORTAL";

    /// <summary>The catalog's administration.</summary>
    public const string CatalogAdmin = "CATALOG-ADMIN";

    public static bool Contains(string? code) => code is Portal or CatalogAdmin;
}

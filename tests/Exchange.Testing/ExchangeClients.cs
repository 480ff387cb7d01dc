namespace Exchange.Testing;

/// <summary>The OAuth2 clients the catalog seeds, and the departments they act for.</summary>
public static class ExchangeClients
{
    public const string PublicSecurity = "public-security";
    public const string MarketRegulation = "market-regulation";
    public const string CivilAffairs = "civil-affairs";
    public const string Gateway = "exchange-gateway";
    public const string CatalogAdmin = "catalog-admin";

    /// <summary>The holders' portal: tokens only through a holder's sign-in (code flow), never client credentials.</summary>
    public const string Portal = "exchange-portal";

    public static readonly IReadOnlyList<string> All = [PublicSecurity, MarketRegulation, CivilAffairs, Gateway, CatalogAdmin, Portal];

    public static readonly IReadOnlyList<string> Departments = [PublicSecurity, MarketRegulation, CivilAffairs];

    public static string DepartmentOf(string clientId) => clientId.ToUpperInvariant();
}

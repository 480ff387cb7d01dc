using Exchange.Labels;

namespace Exchange.Catalog.Identity;

/// <summary>A client of the token server: who it is, the role and department its tokens name, and the scopes it may ask for.</summary>
public sealed record ExchangeClient(string ClientId, string DisplayName, string Role, string? DepartmentCode, IReadOnlyList<string> Scopes)
{
    public const string PortalClientId = "exchange-portal";

    /// <summary>
    /// A client that gets tokens only for a signed-in holder (authorization code with PKCE, at its configured redirect
    /// URI), never client credentials of its own: every token it holds names one holder.
    /// </summary>
    public bool ActsForHolders { get; init; }

    /// <summary>The clients every catalog has; each is created on start when its secret is configured.</summary>
    public static IReadOnlyList<ExchangeClient> Seeded { get; } =
    [
        Department("public-security", "公安厅", "PUBLIC-SECURITY"),
        Department("market-regulation", "市场监督管理局", "MARKET-REGULATION"),
        Department("civil-affairs", "民政厅", "CIVIL-AFFAIRS"),
        new("exchange-gateway", "数据共享交换网关", ExchangeClaims.Roles.Gateway, null, [ExchangeClaims.Scopes.Catalog]),
        // The gateway scope lets administrators read the gateway's audit log (the admin UI's audit pages).
        // The holders' portal: a department system whose tokens always name the signed-in holder.
        // Its tokens also name the catalog, for the holder's own objections (the objection service takes holder tokens only for their holder).
        new(PortalClientId, "政务服务门户", ExchangeClaims.Roles.Holder, OwnClientCodes.Portal, [ExchangeClaims.Scopes.Gateway, ExchangeClaims.Scopes.Catalog]) { ActsForHolders = true },
        new("catalog-admin", "资源目录管理", ExchangeClaims.Roles.CatalogAdmin, null, [ExchangeClaims.Scopes.Catalog, ExchangeClaims.Scopes.Gateway]),
    ];

    private static ExchangeClient Department(string clientId, string name, string departmentCode) =>
        new(clientId, name, ExchangeClaims.Roles.Department, departmentCode, [ExchangeClaims.Scopes.Gateway, ExchangeClaims.Scopes.Catalog]);
}

namespace Exchange.Catalog.Identity;

/// <summary>What the catalog's access tokens say about their client, and the scopes and audiences they carry.</summary>
public static class ExchangeClaims
{
    public const string Department = "department";
    public const string Role = "role";

    /// <summary>
    /// On a holder's token (role holder, issued to the portal for its signed-in holder): the citizen id or unified social
    /// credit code the person acts for. The gateway confines such a token to that holder; the objection service accepts it.
    /// </summary>
    public const string HolderId = "holder_id";

    public const string HolderKind = "holder_kind";

    public static class HolderKinds
    {
        public const string Person = "person";
        public const string Organisation = "organisation";
    }

    public static class Roles
    {
        public const string Department = "department";
        public const string Gateway = "gateway";
        public const string CatalogAdmin = "catalog-admin";
        public const string Holder = "holder";
    }

    public static class Scopes
    {
        public const string Gateway = "exchange.gateway";
        public const string Catalog = "exchange.catalog";
    }

    public static class Audiences
    {
        public const string Gateway = "exchange-gateway";
        public const string Catalog = "exchange-catalog";
    }

    /// <summary>The audience a token for <paramref name="scope"/> is addressed to.</summary>
    public static string? AudienceOf(string scope) => scope switch
    {
        Scopes.Gateway => Audiences.Gateway,
        Scopes.Catalog => Audiences.Catalog,
        _ => null,
    };
}

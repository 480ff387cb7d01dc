namespace Exchange.Catalog.Domain;

/// <summary>What a caller of the catalog is; tokens carry it as the role claim.</summary>
public enum ActorRole
{
    /// <summary>A department system or a department's reviewer: acts for its department only.</summary>
    Department,

    /// <summary>A gateway: reads the catalog and the grants it enforces.</summary>
    Gateway,

    /// <summary>A catalog administrator: maintains the catalog and may decide any application.</summary>
    CatalogAdmin,

    /// <summary>A citizen or enterprise agent signed in through the portal: acts for one holder id, on objections only.</summary>
    Holder,
}

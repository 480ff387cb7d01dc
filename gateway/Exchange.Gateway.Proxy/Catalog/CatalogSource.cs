namespace Exchange.Gateway.Catalog;

/// <summary>Where the catalog the gateway currently routes on came from.</summary>
public enum CatalogSource
{
    /// <summary>Nothing yet: no snapshot on disk and the catalog has not answered.</summary>
    None,
    /// <summary>The snapshot saved by an earlier run; the catalog has not answered since start-up.</summary>
    Disk,
    /// <summary>The live watch stream of the catalog.</summary>
    Catalog,
}

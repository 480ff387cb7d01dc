namespace Exchange.Catalog.Store;

/// <summary>Where a published version stands; only <see cref="Published"/> routes.</summary>
public enum VersionState
{
    Published = 1,
    Superseded = 2,
    Deprecated = 3,
}

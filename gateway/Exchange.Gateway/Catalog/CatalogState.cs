namespace Exchange.Gateway.Catalog;

/// <summary>
/// The catalog the gateway routes on right now, and whether the watch stream is connected. Written only by
/// <see cref="CatalogWatcher"/>; read by routing and readiness.
/// </summary>
public sealed class CatalogState
{
    private volatile PublishedCatalog? _current;
    private volatile bool _connected;

    public PublishedCatalog? Current => _current;

    public CatalogSource Source { get; private set; }

    /// <summary>True while the watch stream to the catalog is open and has delivered its snapshot.</summary>
    public bool IsConnected => _connected;

    /// <summary>Raised after <see cref="Current"/> changes, on the thread that changed it.</summary>
    public event Action? Changed;

    internal void Replace(PublishedCatalog catalog, CatalogSource source)
    {
        Source = source;
        _current = catalog;
        Changed?.Invoke();
    }

    internal void SetConnected(bool connected) => _connected = connected;
}

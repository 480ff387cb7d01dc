namespace Exchange.Gateway.Catalog;

/// <summary>
/// The catalog the gateway routes on right now, and whether the watch stream is connected. Written only by
/// <see cref="CatalogWatcher"/>; read by routing and readiness.
/// </summary>
public sealed class CatalogState
{
    private volatile PublishedCatalog? _current;
    private volatile bool _connected;
    private long _knownCurrentAtTicks;

    public PublishedCatalog? Current => _current;

    public CatalogSource Source { get; private set; }

    /// <summary>True while the watch stream to the catalog is open and has delivered its snapshot.</summary>
    public bool IsConnected => _connected;

    /// <summary>
    /// The last moment <see cref="Current"/> was known to match the catalog: now while connected; else when the stream
    /// dropped, or, for a snapshot read at start-up, when it was last written (on every change and when a stream drops).
    /// </summary>
    public DateTimeOffset KnownCurrentAt => _connected ? DateTimeOffset.UtcNow : new DateTimeOffset(Interlocked.Read(ref _knownCurrentAtTicks), TimeSpan.Zero);

    /// <summary>Raised after <see cref="Current"/> changes, on the thread that changed it.</summary>
    public event Action? Changed;

    internal void Replace(PublishedCatalog catalog, CatalogSource source, DateTimeOffset knownCurrentAt)
    {
        Source = source;
        Interlocked.Exchange(ref _knownCurrentAtTicks, knownCurrentAt.UtcTicks);
        _current = catalog;
        Changed?.Invoke();
    }

    internal void SetConnected(bool connected)
    {
        if (!connected && _connected)
            Interlocked.Exchange(ref _knownCurrentAtTicks, DateTimeOffset.UtcNow.UtcTicks);
        _connected = connected;
    }
}

namespace Exchange.Gateway.Grants;

/// <summary>The grants the gateway enforces right now. Written only by <see cref="GrantWatcher"/>.</summary>
internal sealed class GrantState
{
    private volatile GrantTable _current = GrantTable.Empty;
    private volatile bool _connected;

    public GrantTable Current => _current;

    /// <summary>True while the grant stream is open and has delivered its snapshot.</summary>
    public bool IsConnected => _connected;

    /// <summary>True once grants are known, from disk or from the catalog.</summary>
    public bool IsLoaded { get; private set; }

    public void Replace(GrantTable table)
    {
        _current = table;
        IsLoaded = true;
    }

    public void SetConnected(bool connected) => _connected = connected;
}

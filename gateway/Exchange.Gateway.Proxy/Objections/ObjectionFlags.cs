namespace Exchange.Gateway.Objections;

/// <summary>The open objections the gateway flags right now. Written only by <see cref="ObjectionWatcher"/>.</summary>
internal sealed class ObjectionFlags
{
    private volatile ObjectionTable _current = ObjectionTable.Empty;
    private volatile bool _connected;

    public ObjectionTable Current => _current;

    public bool IsConnected => _connected;

    public void Replace(ObjectionTable table) => _current = table;

    public void SetConnected(bool connected) => _connected = connected;
}

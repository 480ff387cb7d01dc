using System.Threading.Channels;

namespace Exchange.Catalog.Watch;

/// <summary>One watcher's buffer of changes. Reading it throws the reason if the feed cut the watcher off.</summary>
public sealed class ChangeSubscription<TChange> : IDisposable
{
    private readonly Channel<TChange> _channel;
    private readonly Func<ChangeSubscription<TChange>, bool> _remove;

    internal ChangeSubscription(Channel<TChange> channel, Func<ChangeSubscription<TChange>, bool> remove)
    {
        _channel = channel;
        _remove = remove;
    }

    public ChannelReader<TChange> Changes => _channel.Reader;

    internal ChannelWriter<TChange> Writer => _channel.Writer;

    public void Dispose()
    {
        _remove(this);
        _channel.Writer.TryComplete();
    }
}

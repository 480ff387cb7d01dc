using System.Threading.Channels;
using Exchange.Protos.Catalog.V1;

namespace Exchange.Catalog.Watch;

/// <summary>One watcher's buffer of changes. Reading it throws the reason if the feed cut the watcher off.</summary>
public sealed class ResourceChangeSubscription : IDisposable
{
    private readonly Channel<ResourceChange> _channel;
    private readonly ResourceChangeFeed _feed;

    internal ResourceChangeSubscription(Channel<ResourceChange> channel, ResourceChangeFeed feed)
    {
        _channel = channel;
        _feed = feed;
    }

    public ChannelReader<ResourceChange> Changes => _channel.Reader;

    internal ChannelWriter<ResourceChange> Writer => _channel.Writer;

    public void Dispose()
    {
        _feed.Remove(this);
        _channel.Writer.TryComplete();
    }
}

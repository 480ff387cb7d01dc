using System.Collections.Immutable;
using System.Threading.Channels;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace Exchange.Catalog.Watch;

/// <summary>
/// Fans committed changes out to every watcher in this process. Publishing never waits for a watcher:
/// each has a bounded buffer, and one that overflows is cut off instead of slowing the rest.
/// The catalog's resource changes and the grant changes each have a feed of their own.
/// </summary>
public abstract class ChangeFeed<TChange>
{
    private readonly int _capacity;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private ImmutableList<ChangeSubscription<TChange>> _subscriptions = [];
    private bool _closed;

    protected ChangeFeed(IOptions<WatchOptions> options, IHostApplicationLifetime lifetime, ILogger logger)
    {
        _capacity = options.Value.SubscriberBufferCapacity;
        _logger = logger;
        // Open watch streams would otherwise hold a graceful shutdown until its timeout.
        lifetime.ApplicationStopping.Register(Close);
    }

    public int SubscriberCount => _subscriptions.Count;

    /// <summary>Starts buffering every change published from now on; dispose to stop.</summary>
    public ChangeSubscription<TChange> Subscribe()
    {
        var channel = Channel.CreateBounded<TChange>(new BoundedChannelOptions(_capacity)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        var subscription = new ChangeSubscription<TChange>(channel, Remove);
        lock (_lock)
        {
            if (_closed)
                channel.Writer.TryComplete(Unavailable());
            else
                _subscriptions = _subscriptions.Add(subscription);
        }
        return subscription;
    }

    /// <summary>Hands a committed change to every watcher. Callers publish in revision order.</summary>
    public void Publish(TChange change)
    {
        foreach (var subscription in _subscriptions)
        {
            if (subscription.Writer.TryWrite(change))
                continue;
            if (!Remove(subscription))
                continue;
            _logger.LogWarning("Dropped a watcher that fell {Capacity} changes behind at revision {Revision}; it will have to reconnect",
                _capacity, RevisionOf(change));
            subscription.Writer.TryComplete(new RpcException(new Status(StatusCode.ResourceExhausted,
                $"This watcher fell more than {_capacity} changes behind and was dropped; reconnect for a fresh snapshot.")));
        }
    }

    protected abstract long RevisionOf(TChange change);

    private bool Remove(ChangeSubscription<TChange> subscription)
    {
        lock (_lock)
        {
            var before = _subscriptions;
            _subscriptions = _subscriptions.Remove(subscription);
            return !ReferenceEquals(before, _subscriptions);
        }
    }

    private void Close()
    {
        ImmutableList<ChangeSubscription<TChange>> open;
        lock (_lock)
        {
            _closed = true;
            open = _subscriptions;
            _subscriptions = [];
        }
        foreach (var subscription in open)
            subscription.Writer.TryComplete(Unavailable());
    }

    private static RpcException Unavailable() =>
        new(new Status(StatusCode.Unavailable, "The catalog is shutting down; reconnect to another instance or later."));
}

using Exchange.Protos.Catalog.V1;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace Exchange.Gateway.Catalog;

/// <summary>
/// Keeps a <c>WatchResources</c> stream open to the catalog and applies its snapshot and changes to
/// <see cref="CatalogState"/>, saving the result to disk in the background (the latest catalog, once per burst of
/// changes). When the stream fails it reconnects with capped exponential backoff and keeps routing on the last known
/// catalog meanwhile.
/// </summary>
internal sealed partial class CatalogWatcher : CatalogStreamWatcher
{
    private readonly CatalogState _state;
    private readonly SnapshotFile<ResourceSnapshot> _store;
    private readonly ILogger<CatalogWatcher> _logger;
    private readonly CatalogService.CatalogServiceClient _client;
    private readonly CoalescingWorker _saves;

    public CatalogWatcher(CatalogState state, CatalogChannel channel, IOptions<CatalogOptions> options, ILogger<CatalogWatcher> logger)
        : base(options.Value)
    {
        _state = state;
        _logger = logger;
        _store = new SnapshotFile<ResourceSnapshot>(Options.SnapshotPath, ResourceSnapshot.Parser, logger);
        _client = new CatalogService.CatalogServiceClient(channel.Channel);
        _saves = new CoalescingWorker(SaveLatestAsync);
    }

    /// <summary>Loads the saved snapshot before the server starts, so the first request already routes.</summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        var saved = _store.Load();
        if (saved is null)
        {
            LogNoSavedSnapshot(_store.FilePath, Options.Address);
        }
        else
        {
            var catalog = PublishedCatalog.FromSnapshot(saved);
            _state.Replace(catalog, CatalogSource.Disk, _store.LastConfirmed ?? DateTimeOffset.UtcNow);
            LogLoadedSavedSnapshot(catalog.Revision, catalog.ResourcesByCode.Count, _store.FilePath);
        }
        return base.StartAsync(cancellationToken);
    }

    protected override bool IsConnected => _state.IsConnected;

    protected override void MarkDisconnected()
    {
        if (_state.IsConnected)
            _store.MarkCurrent();
        _state.SetConnected(false);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        // The last catalog received is on disk before the process ends.
        await _saves.DisposeAsync();
        if (_state.IsConnected)
            _store.MarkCurrent();
    }

    protected override void ReportUnreachable(Exception? unexpected, string reason)
    {
        if (_state.Current is { } last)
            LogCatalogUnreachable(unexpected, Options.Address, reason, last.Revision, Options.MaxReconnectDelay);
        else
            LogCatalogUnreachableWithoutCatalog(unexpected, Options.Address, reason, Options.MaxReconnectDelay);
    }

    protected override void ReportStillUnreachable(string reason) => LogStillUnreachable(Options.Address, reason);

    protected override async Task WatchAsync(CancellationToken stoppingToken)
    {
        using var call = _client.WatchResources(new WatchResourcesRequest(), cancellationToken: stoppingToken);
        await foreach (var message in call.ResponseStream.ReadAllAsync(stoppingToken))
        {
            switch (message.EventCase)
            {
                case WatchResourcesResponse.EventOneofCase.Snapshot:
                    ApplySnapshot(message.Snapshot);
                    break;
                case WatchResourcesResponse.EventOneofCase.Change:
                    ApplyChange(message.Change);
                    break;
            }
        }
    }

    private void ApplySnapshot(ResourceSnapshot snapshot)
    {
        var current = _state.Current;
        var catalog = PublishedCatalog.FromSnapshot(snapshot);
        // A reconnect usually brings back the catalog we already route on; rebuilding routes for it is wasted work.
        if (current is null || current.Revision != snapshot.Revision || !current.ToSnapshot().Equals(catalog.ToSnapshot()))
        {
            _state.Replace(catalog, CatalogSource.Catalog, DateTimeOffset.UtcNow);
            _saves.Signal();
        }
        else
        {
            _state.Replace(current, CatalogSource.Catalog, DateTimeOffset.UtcNow);
        }
        _state.SetConnected(true);
        LogWatching(Options.Address, catalog.Revision, catalog.ResourcesByCode.Count);
    }

    private void ApplyChange(ResourceChange change)
    {
        var current = _state.Current ?? PublishedCatalog.FromSnapshot(new ResourceSnapshot());
        var next = current.Apply(change);
        if (ReferenceEquals(next, current))
            return;
        _state.Replace(next, CatalogSource.Catalog, DateTimeOffset.UtcNow);
        LogChangeApplied(next.Revision, change.Type, change.Resource.Code, change.Resource.Version, change.Resource.GrpcService);
        _saves.Signal();
    }

    private async Task SaveLatestAsync()
    {
        if (_state.Current is not { } catalog)
            return;
        try
        {
            await _store.SaveAsync(catalog.ToSnapshot(), CancellationToken.None);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Routing goes on from memory; only a restart during a catalog outage would miss this revision.
            LogSaveFailed(ex, catalog.Revision, _store.FilePath);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No saved catalog snapshot at {Path}; nothing routes until the catalog at {Address} answers")]
    private partial void LogNoSavedSnapshot(string path, Uri address);

    [LoggerMessage(Level = LogLevel.Information, Message = "Routing on saved catalog revision {Revision} ({Count} published resources) from {Path} until the catalog answers")]
    private partial void LogLoadedSavedSnapshot(long revision, int count, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Watching the catalog at {Address}: revision {Revision}, {Count} published resources")]
    private partial void LogWatching(Uri address, long revision, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Catalog revision {Revision}: {ChangeType} {ResourceCode} version {Version} ({GrpcService})")]
    private partial void LogChangeApplied(long revision, ResourceChangeType changeType, string resourceCode, int version, string grpcService);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Catalog at {Address} unreachable ({Reason}); routing on last known revision {Revision}, retrying every {MaxDelay} at most")]
    private partial void LogCatalogUnreachable(Exception? exception, Uri address, string reason, long revision, TimeSpan maxDelay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Catalog at {Address} unreachable ({Reason}); nothing routes until it answers, retrying every {MaxDelay} at most")]
    private partial void LogCatalogUnreachableWithoutCatalog(Exception? exception, Uri address, string reason, TimeSpan maxDelay);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Catalog at {Address} still unreachable ({Reason})")]
    private partial void LogStillUnreachable(Uri address, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not save catalog revision {Revision} to {Path}")]
    private partial void LogSaveFailed(Exception exception, long revision, string path);
}

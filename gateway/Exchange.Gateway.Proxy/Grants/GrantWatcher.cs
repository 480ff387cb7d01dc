using Exchange.Client;
using Exchange.Gateway.Catalog;
using Exchange.Gateway.Identity;
using Exchange.Protos.Catalog.V1;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace Exchange.Gateway.Grants;

/// <summary>
/// Keeps the catalog's <c>WatchGrants</c> stream open with the gateway's own client-credentials token and applies
/// its snapshot and changes to <see cref="GrantState"/>, saving each result next to the catalog snapshot. During
/// a catalog outage the gateway keeps enforcing the last grants it knew.
/// </summary>
internal sealed partial class GrantWatcher : CatalogStreamWatcher
{
    private readonly GrantState _state;
    private readonly SnapshotFile<GrantSnapshot> _store;
    private readonly AccessService.AccessServiceClient _client;
    private readonly CallCredentials? _credentials;
    private readonly ILogger<GrantWatcher> _logger;

    public GrantWatcher(
        GrantState state, CatalogChannel channel, IOptions<CatalogOptions> options, IOptions<IdentityOptions> identity,
        IHttpClientFactory httpClients, ILogger<GrantWatcher> logger)
        : base(options.Value)
    {
        _state = state;
        _logger = logger;
        _store = new SnapshotFile<GrantSnapshot>(Options.GrantSnapshotPath, GrantSnapshot.Parser, logger);
        _client = new AccessService.AccessServiceClient(channel.Channel);
        if (!string.IsNullOrEmpty(Options.ClientSecret))
        {
            var tokens = new ExchangeTokenProvider(httpClients.CreateClient(nameof(GrantWatcher)), new ExchangeClientOptions
            {
                TokenEndpoint = identity.Value.TokenEndpoint,
                ClientId = Options.ClientId,
                ClientSecret = Options.ClientSecret,
                Scope = ExchangeScopes.Catalog,
            });
            _credentials = ExchangeCallCredentials.FromTokenProvider(tokens);
        }
    }

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (_store.Load() is { } saved)
        {
            var table = GrantTable.FromSnapshot(saved);
            _state.Replace(table);
            LogLoadedSavedGrants(table.Revision, table.Count, _store.FilePath);
        }
        return base.StartAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_credentials is null)
        {
            LogNoClientSecret(Options.ClientId);
            return Task.CompletedTask;
        }
        return base.ExecuteAsync(stoppingToken);
    }

    protected override bool IsConnected => _state.IsConnected;

    protected override void MarkDisconnected() => _state.SetConnected(false);

    protected override async Task WatchAsync(CancellationToken stoppingToken)
    {
        using var call = _client.WatchGrants(new WatchGrantsRequest(), new CallOptions(credentials: _credentials, cancellationToken: stoppingToken));
        await foreach (var message in call.ResponseStream.ReadAllAsync(stoppingToken))
        {
            switch (message.EventCase)
            {
                case WatchGrantsResponse.EventOneofCase.Snapshot:
                    var table = GrantTable.FromSnapshot(message.Snapshot);
                    _state.Replace(table);
                    _state.SetConnected(true);
                    LogWatching(Options.Address, table.Revision, table.Count);
                    await SaveAsync(table, stoppingToken);
                    break;
                case WatchGrantsResponse.EventOneofCase.Change:
                    var current = _state.Current;
                    var next = current.Apply(message.Change);
                    if (ReferenceEquals(next, current))
                        break;
                    _state.Replace(next);
                    LogChangeApplied(next.Revision, message.Change.Type, message.Change.Grant.ApplicationId,
                        message.Change.Grant.ConsumerDepartmentCode, message.Change.Grant.ResourceCode);
                    await SaveAsync(next, stoppingToken);
                    break;
            }
        }
    }

    private async Task SaveAsync(GrantTable table, CancellationToken cancellationToken)
    {
        try
        {
            await _store.SaveAsync(table.ToSnapshot(), cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Enforcement goes on from memory; only a restart during a catalog outage would miss this revision.
            LogSaveFailed(ex, table.Revision, _store.FilePath);
        }
    }

    protected override void ReportUnreachable(Exception? unexpected, string reason) =>
        LogGrantsUnreachable(unexpected, Options.Address, reason, _state.Current.Revision, _state.Current.Count, Options.MaxReconnectDelay);

    protected override void ReportStillUnreachable(string reason) => LogStillUnreachable(Options.Address, reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Catalog:ClientSecret is not set: the gateway cannot watch grants as client {ClientId}, so only saved grants apply and conditional resources are otherwise denied")]
    private partial void LogNoClientSecret(string clientId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Enforcing saved grant revision {Revision} ({Count} grants) from {Path} until the catalog answers")]
    private partial void LogLoadedSavedGrants(long revision, int count, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Watching grants at {Address}: revision {Revision}, {Count} grants in force or pending")]
    private partial void LogWatching(Uri address, long revision, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Grant revision {Revision}: {ChangeType} application {ApplicationId} ({Consumer} on {ResourceCode})")]
    private partial void LogChangeApplied(long revision, GrantChangeType changeType, string applicationId, string consumer, string resourceCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Grant stream from the catalog at {Address} unavailable ({Reason}); enforcing last known grant revision {Revision} ({Count} grants), retrying every {MaxDelay} at most")]
    private partial void LogGrantsUnreachable(Exception? exception, Uri address, string reason, long revision, int count, TimeSpan maxDelay);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Grant stream from the catalog at {Address} still unavailable ({Reason})")]
    private partial void LogStillUnreachable(Uri address, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not save grant revision {Revision} to {Path}")]
    private partial void LogSaveFailed(Exception exception, long revision, string path);
}

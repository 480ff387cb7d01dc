using Exchange.Client;
using Exchange.Gateway.Catalog;
using Exchange.Gateway.Identity;
using Exchange.Protos.Objection.V1;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace Exchange.Gateway.Objections;

/// <summary>
/// Keeps the catalog's <c>WatchOpenObjections</c> stream open with the gateway's own client-credentials token and
/// applies it to <see cref="ObjectionFlags"/>. Flags are a notice to consumers, not a control: during a catalog
/// outage the gateway keeps flagging what it last knew, and after a restart flags nothing until the catalog answers.
/// </summary>
internal sealed partial class ObjectionWatcher : CatalogStreamWatcher
{
    private readonly ObjectionFlags _flags;
    private readonly ObjectionService.ObjectionServiceClient _client;
    private readonly CallCredentials? _credentials;
    private readonly ILogger<ObjectionWatcher> _logger;

    public ObjectionWatcher(
        ObjectionFlags flags, CatalogChannel channel, IOptions<CatalogOptions> options, IOptions<IdentityOptions> identity,
        IHttpClientFactory httpClients, ILogger<ObjectionWatcher> logger)
        : base(options.Value)
    {
        _flags = flags;
        _logger = logger;
        _client = new ObjectionService.ObjectionServiceClient(channel.Channel);
        if (!string.IsNullOrEmpty(Options.ClientSecret))
        {
            var tokens = new ExchangeTokenProvider(httpClients.CreateClient(nameof(ObjectionWatcher)), new ExchangeClientOptions
            {
                TokenEndpoint = identity.Value.TokenEndpoint,
                ClientId = Options.ClientId,
                ClientSecret = Options.ClientSecret,
                Scope = ExchangeScopes.Catalog,
            });
            _credentials = ExchangeCallCredentials.FromTokenProvider(tokens);
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        _credentials is null ? Task.CompletedTask : base.ExecuteAsync(stoppingToken);

    protected override bool IsConnected => _flags.IsConnected;

    protected override void MarkDisconnected() => _flags.SetConnected(false);

    protected override async Task WatchAsync(CancellationToken stoppingToken)
    {
        using var call = _client.WatchOpenObjections(new WatchOpenObjectionsRequest(), new CallOptions(credentials: _credentials, cancellationToken: stoppingToken));
        await foreach (var message in call.ResponseStream.ReadAllAsync(stoppingToken))
        {
            switch (message.EventCase)
            {
                case WatchOpenObjectionsResponse.EventOneofCase.Snapshot:
                    var table = ObjectionTable.FromSnapshot(message.Snapshot);
                    _flags.Replace(table);
                    _flags.SetConnected(true);
                    LogWatching(Options.Address, table.Revision, table.Count);
                    break;
                case WatchOpenObjectionsResponse.EventOneofCase.Change:
                    var next = _flags.Current.Apply(message.Change);
                    _flags.Replace(next);
                    LogChangeApplied(next.Revision, message.Change.Type, message.Change.Objection.ObjectionId, message.Change.Objection.ResourceCode);
                    break;
            }
        }
    }

    protected override void ReportUnreachable(Exception? unexpected, string reason) =>
        LogUnreachable(unexpected, Options.Address, reason, _flags.Current.Revision, _flags.Current.Count);

    protected override void ReportStillUnreachable(string reason) => LogStillUnreachable(Options.Address, reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Watching open objections at {Address}: revision {Revision}, {Count} open")]
    private partial void LogWatching(Uri address, long revision, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Objection revision {Revision}: {ChangeType} objection {ObjectionId} on {ResourceCode}")]
    private partial void LogChangeApplied(long revision, OpenObjectionChangeType changeType, string objectionId, string resourceCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Objection stream from the catalog at {Address} unavailable ({Reason}); flagging last known revision {Revision} ({Count} open)")]
    private partial void LogUnreachable(Exception? exception, Uri address, string reason, long revision, int count);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Objection stream from the catalog at {Address} still unavailable ({Reason})")]
    private partial void LogStillUnreachable(Uri address, string reason);
}

using Exchange.Gateway.Catalog;
using Exchange.Licences;
using Exchange.Protos.Catalog.V1;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace Exchange.Gateway.Licences;

/// <summary>
/// The issuers' public keys as registered in the catalog, never as an issuer hands them over with a licence: read
/// at start (from the last snapshot on disk, then the catalog), again periodically, and at once (at most every few
/// seconds) when a licence names a key not seen yet, such as a freshly rotated one.
/// </summary>
internal sealed partial class IssuerKeys : BackgroundService
{
    private static readonly TimeSpan UnknownKeyRefreshInterval = TimeSpan.FromSeconds(5);

    private readonly IssuerKeyService.IssuerKeyServiceClient _catalog;
    private readonly SnapshotFile<ListIssuerKeysResponse> _snapshot;
    private readonly TimeSpan _refreshInterval;
    private readonly TimeProvider _time;
    private readonly ILogger<IssuerKeys> _logger;
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private volatile Known _known = new(new LicenceVerifier([]), new HashSet<string>(StringComparer.Ordinal), null);
    private DateTimeOffset _lastRefresh = DateTimeOffset.MinValue;

    public IssuerKeys(CatalogChannel channel, IOptions<LicenceOptions> options, TimeProvider time, ILogger<IssuerKeys> logger)
    {
        _catalog = new IssuerKeyService.IssuerKeyServiceClient(channel.Channel);
        _snapshot = new SnapshotFile<ListIssuerKeysResponse>(options.Value.IssuerKeySnapshotPath, ListIssuerKeysResponse.Parser, logger);
        _refreshInterval = options.Value.CatalogRefreshInterval;
        _time = time;
        _logger = logger;
        if (_snapshot.Load() is { } saved)
            Use(saved);
    }

    /// <summary>A verifier over every key known now; when the licence's key is unknown, reads the catalog again first.</summary>
    public async ValueTask<LicenceVerifier> VerifierForAsync(string keyId, CancellationToken cancellationToken)
    {
        var known = _known;
        if (known.KeyIds.Contains(keyId) || _time.GetUtcNow() - _lastRefresh < UnknownKeyRefreshInterval)
            return known.Verifier;
        await RefreshAsync(cancellationToken);
        return _known.Verifier;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_refreshInterval, _time);
        do
        {
            await RefreshAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await _refreshing.WaitAsync(cancellationToken);
        try
        {
            _lastRefresh = _time.GetUtcNow();
            var response = await _catalog.ListIssuerKeysAsync(new ListIssuerKeysRequest(), deadline: DateTime.UtcNow.AddSeconds(5), cancellationToken: cancellationToken);
            if (Use(response))
                await _snapshot.SaveAsync(response, cancellationToken);
        }
        catch (RpcException ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogUnreachable(ex.Status.Detail, _known.KeyIds.Count);
        }
        finally
        {
            _refreshing.Release();
        }
    }

    /// <summary>Takes the keys in; true when they differ from those known.</summary>
    private bool Use(ListIssuerKeysResponse response)
    {
        if (response.Equals(_known.Response))
            return false;
        var ids = new HashSet<string>(response.Keys.Select(k => k.KeyId), StringComparer.Ordinal);
        try
        {
            _known = new Known(new LicenceVerifier(response.Keys), ids, response);
            LogKeys(ids.Count);
            return true;
        }
        catch (Exception ex) when (ex is ArgumentException or System.Security.Cryptography.CryptographicException)
        {
            LogUnusable(ex.Message);
            return false;
        }
    }

    private sealed record Known(LicenceVerifier Verifier, HashSet<string> KeyIds, ListIssuerKeysResponse? Response);

    [LoggerMessage(Level = LogLevel.Information, Message = "Licence verification: {Count} issuer keys from the catalog")]
    private partial void LogKeys(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Licence verification: cannot read issuer keys from the catalog ({Reason}); verifying with the {Count} keys known")]
    private partial void LogUnreachable(string reason, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Licence verification: the catalog's issuer keys cannot be used: {Reason}")]
    private partial void LogUnusable(string reason);
}

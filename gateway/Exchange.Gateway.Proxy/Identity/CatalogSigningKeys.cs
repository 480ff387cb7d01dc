using Exchange.ServiceDefaults.Tls;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Exchange.Gateway.Identity;

/// <summary>
/// The JwtBearer handler's configuration manager: the catalog's discovery document and signing keys, re-read every
/// <see cref="IdentityOptions.KeysRefreshInterval"/> and when a token names an unknown key (at most once per
/// <see cref="IdentityOptions.UnknownKeyRefreshInterval"/>, so a flood of forged tokens cannot flood the catalog).
/// Reads go through <see cref="PersistedDocumentRetriever"/>, so while the catalog is down — even across a gateway
/// restart — tokens are checked with the keys last fetched. Only one refresh runs at a time; calls arriving
/// meanwhile use the keys in hand rather than wait for a catalog that may not answer.
/// </summary>
internal sealed partial class CatalogSigningKeys : IConfigurationManager<OpenIdConnectConfiguration>
{
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private readonly Lock _requests = new();
    private readonly IdentityOptions _options;
    private readonly IDocumentRetriever _documents;
    private readonly TimeProvider _time;
    private readonly ILogger<CatalogSigningKeys> _logger;
    private volatile OpenIdConnectConfiguration? _current;
    private long _syncAfterTicks;
    private DateTimeOffset _lastRequested = DateTimeOffset.MinValue;
    private Exception? _lastFailure;

    public CatalogSigningKeys(IOptions<IdentityOptions> options, IOptions<TlsOptions> tls, IHttpClientFactory httpClients,
        TimeProvider time, ILogger<CatalogSigningKeys> logger)
    {
        _options = options.Value;
        _time = time;
        _logger = logger;
        MetadataAddress = new Uri(_options.Authority, ".well-known/openid-configuration").ToString();
        RequireHttps = !tls.Value.AllowPlaintext;
        _documents = new PersistedDocumentRetriever(
            new HttpDocumentRetriever(httpClients.CreateClient(nameof(CatalogSigningKeys))) { RequireHttps = RequireHttps },
            _options.KeysPath, logger);
    }

    public string MetadataAddress { get; }

    /// <summary>Keys are read over HTTPS only, unless <c>Tls:AllowPlaintext</c>.</summary>
    public bool RequireHttps { get; }

    /// <summary>The configuration in hand, if any was ever read.</summary>
    public OpenIdConnectConfiguration? Current => _current;

    public async Task<OpenIdConnectConfiguration> GetConfigurationAsync(CancellationToken cancel)
    {
        var current = _current;
        if (current is not null && _time.GetUtcNow().UtcTicks < Volatile.Read(ref _syncAfterTicks))
            return current;
        if (current is not null)
        {
            if (!await _refresh.WaitAsync(0, cancel))
                return current;
        }
        else
        {
            await _refresh.WaitAsync(cancel);
        }
        try
        {
            current = _current;
            var now = _time.GetUtcNow();
            if (now.UtcTicks < Volatile.Read(ref _syncAfterTicks))
                return current ?? throw new SigningKeysUnavailableException(_lastFailure);
            try
            {
                var fresh = await OpenIdConnectConfigurationRetriever.GetAsync(MetadataAddress, _documents, cancel);
                _current = fresh;
                _lastFailure = null;
                Volatile.Write(ref _syncAfterTicks, (now + _options.KeysRefreshInterval).UtcTicks);
                return fresh;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Nothing from the catalog and nothing saved (or unreadable): try again after the unknown-key interval.
                LogKeysUnreachable(_options.Authority, ex.Message);
                _lastFailure = ex;
                Volatile.Write(ref _syncAfterTicks, (now + _options.UnknownKeyRefreshInterval).UtcTicks);
                return current ?? throw new SigningKeysUnavailableException(ex);
            }
        }
        finally
        {
            _refresh.Release();
        }
    }

    /// <summary>Called by the JwtBearer handler for a token signed by a key not in hand: re-read, throttled.</summary>
    public void RequestRefresh()
    {
        var now = _time.GetUtcNow();
        lock (_requests)
        {
            if (now - _lastRequested < _options.UnknownKeyRefreshInterval)
                return;
            _lastRequested = now;
        }
        Volatile.Write(ref _syncAfterTicks, 0);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot read the catalog's signing keys from {Authority}: {Reason}")]
    private partial void LogKeysUnreachable(Uri authority, string reason);
}

/// <summary>No signing keys were ever read, from the catalog or from the saved copy: no token can be checked yet.</summary>
internal sealed class SigningKeysUnavailableException(Exception? cause)
    : InvalidOperationException($"The catalog's signing keys are unreachable: {cause?.Message}", cause);

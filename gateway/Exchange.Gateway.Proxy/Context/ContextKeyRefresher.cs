using Exchange.Client;
using Exchange.ExchangeContext;
using Exchange.Gateway.Catalog;
using Exchange.Gateway.Identity;
using Exchange.Protos.Context.V1;
using ContextKey = Exchange.ExchangeContext.ContextKey;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace Exchange.Gateway.Context;

/// <summary>
/// Fetches every provider's context keys from the catalog with the gateway's own client, at start-up (retrying
/// with backoff), every <see cref="ExchangeContextOptions.KeyRefreshInterval"/>, and at once when a call names a
/// provider the gateway holds no key for. Key ids are logged, key material never.
/// </summary>
internal sealed partial class ContextKeyRefresher : BackgroundService
{
    private static readonly TimeSpan MinimumGap = TimeSpan.FromSeconds(1);
    private readonly GatewayContextKeys _keys;
    private readonly ContextKeySnapshot _snapshot;
    private readonly ContextKeyService.ContextKeyServiceClient _client;
    private readonly CallCredentials? _credentials;
    private readonly CatalogOptions _catalog;
    private readonly TimeSpan _interval;
    private readonly TimeProvider _time;
    private readonly ILogger<ContextKeyRefresher> _logger;
    private readonly SemaphoreSlim _wake = new(0, 1);

    public ContextKeyRefresher(
        GatewayContextKeys keys, ContextKeySnapshot snapshot, CatalogChannel channel, IOptions<CatalogOptions> catalog, IOptions<IdentityOptions> identity,
        IOptions<ExchangeContextOptions> options, IHttpClientFactory httpClients, TimeProvider time, ILogger<ContextKeyRefresher> logger)
    {
        _keys = keys;
        _snapshot = snapshot;
        _catalog = catalog.Value;
        _interval = options.Value.KeyRefreshInterval;
        _time = time;
        _logger = logger;
        _client = new ContextKeyService.ContextKeyServiceClient(channel.Channel);
        if (!string.IsNullOrEmpty(_catalog.ClientSecret))
        {
            var tokens = new ExchangeTokenProvider(httpClients.CreateClient(nameof(ContextKeyRefresher)), new ExchangeClientOptions
            {
                TokenEndpoint = identity.Value.TokenEndpoint,
                ClientId = _catalog.ClientId,
                ClientSecret = _catalog.ClientSecret,
                Scope = ExchangeScopes.Catalog,
            });
            _credentials = ExchangeCallCredentials.FromTokenProvider(tokens);
        }
        keys.Missing += Wake;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_credentials is null)
        {
            LogNoClientSecret(_catalog.ClientId);
            return;
        }
        if (_snapshot.Load() is { } saved)
        {
            _keys.Replace(Keys(saved));
            LogLoaded(_keys.Count);
        }
        var delay = _catalog.InitialReconnectDelay;
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan wait;
            try
            {
                var response = await _client.ListContextKeysAsync(new ListContextKeysRequest(),
                    new CallOptions(credentials: _credentials, deadline: DateTime.UtcNow.AddSeconds(10), cancellationToken: stoppingToken));
                var keys = Keys(response);
                _keys.Replace(keys);
                _snapshot.Save(response);
                LogFetched(_keys.Count, string.Join(", ", keys.Where(k => k.Current).Select(k => k.KeyId)));
                (delay, wait) = (_catalog.InitialReconnectDelay, _interval);
            }
            catch (Exception ex) when (ex is RpcException or HttpRequestException && !stoppingToken.IsCancellationRequested)
            {
                LogFailed(_catalog.Address, ex.Message, delay);
                wait = delay;
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _catalog.MaxReconnectDelay.Ticks));
            }
            await _wake.WaitAsync(wait, stoppingToken);
            await Task.Delay(MinimumGap, _time, stoppingToken);
        }
    }

    private static List<ContextKey> Keys(ListContextKeysResponse response) => response.Keys
        .Select(k => new ContextKey(k.DepartmentCode, k.KeyId, k.Key.ToByteArray(), k.Current, k.ExpireTime?.ToDateTimeOffset()))
        .ToList();

    private void Wake()
    {
        try
        {
            if (_wake.CurrentCount == 0)
                _wake.Release();
        }
        catch (SemaphoreFullException)
        {
        }
    }

    public override void Dispose()
    {
        _keys.Missing -= Wake;
        _wake.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Holding the exchange-context keys of {ProviderCount} providers: {KeyIds}")]
    private partial void LogFetched(int providerCount, string keyIds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Holding the saved exchange-context keys of {ProviderCount} providers until the catalog answers")]
    private partial void LogLoaded(int providerCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not fetch the providers' exchange-context keys from {Catalog}: {Reason}; retrying in {Delay}")]
    private partial void LogFailed(Uri catalog, string reason, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Catalog:ClientSecret of {ClientId} is not set: the gateway gets no exchange-context keys and every provider call is UNAVAILABLE")]
    private partial void LogNoClientSecret(string clientId);
}

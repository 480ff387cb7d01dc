using Exchange.Adapters.Shared.Licences;
using Exchange.Client;
using Exchange.ExchangeContext;
using Exchange.Protos.Context.V1;
using Exchange.ServiceDefaults.Tls;
using ContextKey = Exchange.ExchangeContext.ContextKey;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Exchange.Adapters.Shared.Gateway;

/// <summary>
/// Fetches this department's exchange-context keys from the catalog with the department's own client (section
/// <c>Catalog</c>): at start-up, retrying with backoff until it has them (calls are refused UNAVAILABLE meanwhile),
/// then every <see cref="ExchangeContextOptions.KeyRefreshInterval"/> and soon after a call names an unknown key.
/// Key material is never logged; key ids are.
/// </summary>
internal sealed partial class ContextKeyFetcher(
    ProviderContextKeys keys,
    IOptions<ExchangeContextOptions> options,
    IOptions<IssuerKeyRegistrationOptions> catalogOptions,
    TransportSecurity tls,
    TimeProvider time,
    ILogger<ContextKeyFetcher> logger) : BackgroundService
{
    private static readonly TimeSpan UnknownKeyRefresh = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan FirstKeyMaxRetryDelay = TimeSpan.FromSeconds(1);
    private const int QuietAttempts = 8;
    private readonly SemaphoreSlim _wake = new(0, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var catalog = catalogOptions.Value;
        var department = options.Value.Department;
        if (string.IsNullOrEmpty(catalog.ClientId) || string.IsNullOrEmpty(catalog.ClientSecret))
        {
            LogNotConfigured(department);
            return;
        }
        keys.UnknownKey += Wake;

        using var http = new HttpClient(tls.CreateHandler(presentCertificate: false)) { Timeout = TimeSpan.FromSeconds(10) };
        var tokens = new ExchangeTokenProvider(http, new ExchangeClientOptions
        {
            TokenEndpoint = tls.RequireSecure(catalog.TokenEndpoint, "Catalog:TokenEndpoint"),
            ClientId = catalog.ClientId,
            ClientSecret = catalog.ClientSecret,
            Scope = ExchangeScopes.Catalog,
        });
        using var channel = GrpcChannel.ForAddress(
            tls.RequireSecure(catalog.Address, "Catalog:Address"), new GrpcChannelOptions { HttpHandler = tls.CreateHandler() });
        var client = new ContextKeyService.ContextKeyServiceClient(channel);
        var delay = catalog.InitialRetryDelay;
        for (var attempt = 1; !stoppingToken.IsCancellationRequested;)
        {
            TimeSpan wait;
            try
            {
                var headers = new Metadata { { "authorization", "Bearer " + await tokens.GetTokenAsync(stoppingToken) } };
                var response = await client.ListContextKeysAsync(new ListContextKeysRequest { DepartmentCode = department }, headers,
                    DateTime.UtcNow.AddSeconds(10), stoppingToken);
                var fetched = response.Keys.Where(k => k.DepartmentCode == department)
                    .Select(k => new ContextKey(k.DepartmentCode, k.KeyId, k.Key.ToByteArray(), k.Current, k.ExpireTime?.ToDateTimeOffset()))
                    .ToList();
                keys.Replace(fetched);
                LogFetched(fetched.Count, department, string.Join(", ", fetched.Select(k => k.KeyId)));
                (attempt, delay, wait) = (1, catalog.InitialRetryDelay, options.Value.KeyRefreshInterval);
            }
            catch (Exception ex) when (ex is RpcException or ExchangeTokenException or HttpRequestException or TaskCanceledException && !stoppingToken.IsCancellationRequested)
            {
                // The catalog usually starts after the adapters; only a longer wait is worth a warning.
                if (attempt < QuietAttempts)
                    LogWaiting(attempt, department, catalog.Address, ex.Message);
                else
                    LogRetrying(attempt, department, catalog.Address, ex.Message, delay);
                attempt++;
                wait = delay;
                // Without a key every department call is refused, so keep asking often until the first one arrives.
                var cap = keys.HasKeys ? catalog.MaxRetryDelay : TimeSpan.FromTicks(Math.Min(catalog.MaxRetryDelay.Ticks, FirstKeyMaxRetryDelay.Ticks));
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, cap.Ticks));
            }

            if (keys.HasKeys)
            {
                // Woken early by an unknown key id, but not more often than every few seconds.
                await _wake.WaitAsync(wait, stoppingToken);
                await Task.Delay(UnknownKeyRefresh, time, stoppingToken);
            }
            else
            {
                await Task.Delay(wait, time, stoppingToken);
            }
        }
    }

    private void Wake()
    {
        if (_wake.CurrentCount == 0)
        {
            try
            {
                _wake.Release();
            }
            catch (SemaphoreFullException)
            {
            }
        }
    }

    public override void Dispose()
    {
        keys.UnknownKey -= Wake;
        _wake.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Holding {KeyCount} exchange-context keys of {Department} from the catalog: {KeyIds}")]
    private partial void LogFetched(int keyCount, string department, string keyIds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No exchange-context key of {Department} yet (attempt {Attempt}, catalog {Catalog}): {Reason}; retrying in {Delay}; calls are refused UNAVAILABLE meanwhile")]
    private partial void LogRetrying(int attempt, string department, Uri catalog, string reason, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Exchange-context keys of {Department}: catalog {Catalog} not ready yet (attempt {Attempt}): {Reason}")]
    private partial void LogWaiting(int attempt, string department, Uri catalog, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "No exchange-context key for {Department}: set Catalog:ClientId and Catalog:ClientSecret (the department's client); every department call is refused until then")]
    private partial void LogNotConfigured(string department);
}

using Exchange.Adapters.Shared.Gateway;
using Exchange.Client;
using Exchange.Licences;
using Exchange.Protos.Catalog.V1;
using Exchange.ServiceDefaults.Tls;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Exchange.Adapters.Shared.Licences;

/// <summary>
/// Registers every public key of this issuer's key ring in the catalog at start-up, retrying with backoff until the
/// catalog takes them, so verifiers find a freshly rotated key there before it signs much. The catalog keeps older
/// keys, so licences signed before a rotation keep verifying.
/// </summary>
internal sealed partial class IssuerKeyRegistration(
    IssuerKeyRing ring,
    IOptions<IssuerKeyRegistrationOptions> options,
    TransportSecurity tls,
    ILogger<IssuerKeyRegistration> logger) : BackgroundService
{
    private const int QuietAttempts = 8;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (string.IsNullOrEmpty(settings.ClientId) || string.IsNullOrEmpty(settings.ClientSecret))
        {
            LogNotConfigured(ring.Department);
            return;
        }

        using var http = new HttpClient(tls.CreateHandler(presentCertificate: false)) { Timeout = TimeSpan.FromSeconds(10) };
        var tokens = new ExchangeTokenProvider(http, new ExchangeClientOptions
        {
            TokenEndpoint = tls.RequireSecure(settings.TokenEndpoint, "Catalog:TokenEndpoint"),
            ClientId = settings.ClientId,
            ClientSecret = settings.ClientSecret,
            Scope = ExchangeScopes.Catalog,
        });
        using var channel = GrpcChannel.ForAddress(
            tls.RequireSecure(settings.Address, "Catalog:Address"), new GrpcChannelOptions { HttpHandler = tls.CreateHandler() });
        var catalog = new IssuerKeyService.IssuerKeyServiceClient(channel);
        var request = new RegisterIssuerKeysRequest { DepartmentCode = ring.Department, Keys = { ring.PublicKeys() } };

        var delay = settings.InitialRetryDelay;
        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                var headers = new Metadata { { "authorization", "Bearer " + await tokens.GetTokenAsync(stoppingToken) } };
                var response = await catalog.RegisterIssuerKeysAsync(request, headers, DateTime.UtcNow.AddSeconds(10), stoppingToken);
                LogRegistered(request.Keys.Count, ring.Department, response.Keys.Count, settings.Address);
                return;
            }
            catch (Exception ex) when (ex is RpcException or ExchangeTokenException or HttpRequestException or TaskCanceledException && !stoppingToken.IsCancellationRequested)
            {
                if (ex is RpcException { StatusCode: StatusCode.InvalidArgument or StatusCode.FailedPrecondition or StatusCode.PermissionDenied } refused)
                {
                    LogRefused(ring.Department, refused.Status.Detail);
                    return;
                }
                // The catalog usually starts after the adapters; only a wait longer than that is worth a warning.
                if (attempt < QuietAttempts)
                    LogWaiting(attempt, ring.Department, settings.Address, ex.Message);
                else
                    LogRetrying(attempt, ring.Department, settings.Address, ex.Message, delay);
            }
            await Task.Delay(delay, stoppingToken);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, settings.MaxRetryDelay.Ticks));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Registered {KeyCount} issuer keys of {Department} in the catalog at {Catalog}; it holds {RegisteredCount} of this department")]
    private partial void LogRegistered(int keyCount, string department, int registeredCount, Uri catalog);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Issuer keys of {Department} not registered yet (attempt {Attempt}, catalog {Catalog}): {Reason}; retrying in {Delay}")]
    private partial void LogRetrying(int attempt, string department, Uri catalog, string reason, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Issuer keys of {Department}: catalog {Catalog} not ready yet (attempt {Attempt}): {Reason}")]
    private partial void LogWaiting(int attempt, string department, Uri catalog, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "The catalog refused the issuer keys of {Department}: {Reason}; verifiers cannot check this issuer's licences until that is fixed")]
    private partial void LogRefused(string department, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Issuer keys of {Department} are not registered: set Catalog:ClientId and Catalog:ClientSecret (the department's client); the gateway cannot verify this issuer's licences without them")]
    private partial void LogNotConfigured(string department);
}

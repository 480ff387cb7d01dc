using Exchange.Catalog.Identity;
using Exchange.Client;
using Exchange.ServiceDefaults.Tls;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.Options;

namespace Exchange.Catalog.Admin.Gateways;

/// <summary>
/// Channels to gateways that carry a token of the admin UI's client (Admin:AuditClientId, client credentials at this
/// catalog's own token endpoint, scope exchange.gateway). One token provider for the life of the process, and one
/// channel per gateway address, reused.
/// </summary>
public sealed class GatewayChannels : IDisposable
{
    private readonly HttpClient _http;
    private readonly TransportSecurity _tls;
    private readonly CallCredentials? _credentials;
    private readonly Dictionary<Uri, GrpcChannel> _channels = [];
    private readonly Lock _lock = new();

    public GatewayChannels(IOptions<AdminOptions> admin, IOptions<CatalogIdentityOptions> identity, TransportSecurity tls, ILogger<GatewayChannels> logger)
    {
        _tls = tls;
        _http = new HttpClient(tls.CreateHandler(presentCertificate: false)) { Timeout = TimeSpan.FromSeconds(10) };
        var clientId = admin.Value.AuditClientId;
        if (!identity.Value.Clients.TryGetValue(clientId, out var client) || string.IsNullOrEmpty(client.Secret))
        {
            Unavailable = $"未配置客户端 {clientId} 的密钥（Identity:Clients:{clientId}:Secret），无法读取网关的审计日志和调用统计。";
            logger.LogWarning("The admin UI cannot call the gateways: Identity:Clients:{ClientId}:Secret is not set", clientId);
            return;
        }

        var tokens = new ExchangeTokenProvider(_http, new ExchangeClientOptions
        {
            TokenEndpoint = new Uri(identity.Value.Issuer!, "connect/token"),
            ClientId = clientId,
            ClientSecret = client.Secret,
            Scope = ExchangeScopes.Gateway,
        });
        _credentials = ExchangeCallCredentials.FromTokenProvider(tokens);
    }

    /// <summary>Why no gateway can be called at all, or null.</summary>
    public string? Unavailable { get; }

    public GrpcChannel For(Uri address)
    {
        var credentials = _credentials ?? throw new InvalidOperationException(Unavailable);
        lock (_lock)
        {
            if (!_channels.TryGetValue(address, out var channel))
            {
                channel = GrpcChannel.ForAddress(_tls.RequireSecure(address, "Admin:Gateways"), new GrpcChannelOptions
                {
                    HttpHandler = _tls.CreateHandler(),
                    Credentials = address.Scheme == Uri.UriSchemeHttps
                        ? ChannelCredentials.Create(ChannelCredentials.SecureSsl, credentials)
                        : ChannelCredentials.Create(ChannelCredentials.Insecure, credentials),
                    UnsafeUseInsecureChannelCallCredentials = address.Scheme != Uri.UriSchemeHttps,
                });
                _channels[address] = channel;
            }
            return channel;
        }
    }

    public void Dispose()
    {
        foreach (var channel in _channels.Values)
            channel.Dispose();
        _http.Dispose();
    }
}

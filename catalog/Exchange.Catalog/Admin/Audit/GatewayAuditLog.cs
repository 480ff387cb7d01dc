using Exchange.Catalog.Identity;
using Exchange.Client;
using Exchange.Protos.Audit.V1;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.Options;

namespace Exchange.Catalog.Admin.Audit;

/// <summary>
/// The gateway's audit log, read over exchange.audit.v1.AuditService with a token of the catalog-admin client
/// (client credentials at this catalog's own token endpoint, scope exchange.gateway). One channel and one
/// token provider for the life of the process.
/// </summary>
public sealed class GatewayAuditLog : IDisposable
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(15);

    private readonly GrpcChannel? _channel;
    private readonly AuditService.AuditServiceClient? _client;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public GatewayAuditLog(IOptions<AdminOptions> admin, IOptions<CatalogIdentityOptions> identity, ILogger<GatewayAuditLog> logger)
    {
        GatewayAddress = admin.Value.GatewayAddress;
        var clientId = admin.Value.AuditClientId;
        if (!identity.Value.Clients.TryGetValue(clientId, out var client) || string.IsNullOrEmpty(client.Secret))
        {
            Unavailable = $"未配置客户端 {clientId} 的密钥（Identity:Clients:{clientId}:Secret），无法读取网关审计日志。";
            logger.LogWarning("The audit page cannot read the gateway's audit log: Identity:Clients:{ClientId}:Secret is not set", clientId);
            return;
        }

        var tokens = new ExchangeTokenProvider(_http, new ExchangeClientOptions
        {
            TokenEndpoint = new Uri(identity.Value.Issuer!, "connect/token"),
            ClientId = clientId,
            ClientSecret = client.Secret,
            Scope = ExchangeScopes.Gateway,
        });
        _channel = GrpcChannel.ForAddress(GatewayAddress, new GrpcChannelOptions
        {
            Credentials = ChannelCredentials.Create(ChannelCredentials.Insecure, ExchangeCallCredentials.FromTokenProvider(tokens)),
            UnsafeUseInsecureChannelCallCredentials = true,
        });
        _client = new AuditService.AuditServiceClient(_channel);
    }

    public Uri GatewayAddress { get; }

    /// <summary>Why the log cannot be read at all, or null.</summary>
    public string? Unavailable { get; }

    public async Task<IReadOnlyList<AuditRecord>> QueryAsync(QueryAuditRecordsRequest request, CancellationToken cancellationToken)
    {
        var response = await Client.QueryAuditRecordsAsync(request, deadline: DateTime.UtcNow + CallTimeout, cancellationToken: cancellationToken);
        return response.Records;
    }

    public async Task<VerifyAuditChainResponse> VerifyAsync(CancellationToken cancellationToken) =>
        await Client.VerifyAuditChainAsync(new VerifyAuditChainRequest(), deadline: DateTime.UtcNow + CallTimeout, cancellationToken: cancellationToken);

    public void Dispose()
    {
        _channel?.Dispose();
        _http.Dispose();
    }

    private AuditService.AuditServiceClient Client => _client ?? throw new InvalidOperationException(Unavailable);
}

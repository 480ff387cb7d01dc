using Exchange.Catalog.Admin.Gateways;
using Exchange.Protos.Audit.V1;
using Microsoft.Extensions.Options;

namespace Exchange.Catalog.Admin.Audit;

/// <summary>The gateway's audit log (Admin:GatewayAddress), read over exchange.audit.v1.AuditService.</summary>
public sealed class GatewayAuditLog(IOptions<AdminOptions> admin, GatewayChannels channels)
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(15);

    public Uri GatewayAddress { get; } = admin.Value.GatewayAddress;

    /// <summary>Why the log cannot be read at all, or null.</summary>
    public string? Unavailable => channels.Unavailable;

    public async Task<IReadOnlyList<AuditRecord>> QueryAsync(QueryAuditRecordsRequest request, CancellationToken cancellationToken)
    {
        var response = await Client.QueryAuditRecordsAsync(request, deadline: DateTime.UtcNow + CallTimeout, cancellationToken: cancellationToken);
        return response.Records;
    }

    public async Task<VerifyAuditChainResponse> VerifyAsync(CancellationToken cancellationToken) =>
        await Client.VerifyAuditChainAsync(new VerifyAuditChainRequest(), deadline: DateTime.UtcNow + CallTimeout, cancellationToken: cancellationToken);

    private AuditService.AuditServiceClient Client => new(channels.For(GatewayAddress));
}

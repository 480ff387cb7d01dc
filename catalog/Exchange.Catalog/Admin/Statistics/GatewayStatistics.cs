using Exchange.Catalog.Admin.Gateways;
using Exchange.Client;
using Exchange.Protos.Audit.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.Extensions.Options;
using GrpcCode = Grpc.Core.StatusCode;

namespace Exchange.Catalog.Admin.Statistics;

/// <summary>
/// Asks every configured gateway instance (Admin:Gateways) for its call statistics at once and merges the answers;
/// an instance that is down or refuses is reported with its problem, the others still count.
/// </summary>
public sealed class GatewayStatistics(IOptions<AdminOptions> admin, GatewayChannels channels)
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(10);

    public IReadOnlyList<Uri> Gateways { get; } = admin.Value.Gateways.Count > 0 ? admin.Value.Gateways : [admin.Value.GatewayAddress];

    /// <summary>Why no gateway can be asked at all, or null.</summary>
    public string? Unavailable => channels.Unavailable;

    public async Task<MergedCallStatistics> GetAsync(StatisticsWindow window, CancellationToken cancellationToken)
    {
        var request = new GetCallStatisticsRequest
        {
            StartTime = Timestamp.FromDateTimeOffset(window.From),
            EndTime = Timestamp.FromDateTimeOffset(window.Until),
            Bucket = Duration.FromTimeSpan(window.Bucket),
        };
        var answers = await Task.WhenAll(Gateways.Select(gateway => AskAsync(gateway, request, cancellationToken)));
        return MergedCallStatistics.Of(window, answers);
    }

    private async Task<GatewayAnswer> AskAsync(Uri gateway, GetCallStatisticsRequest request, CancellationToken cancellationToken)
    {
        try
        {
            var client = new AuditService.AuditServiceClient(channels.For(gateway));
            var response = await client.GetCallStatisticsAsync(request, deadline: DateTime.UtcNow + CallTimeout, cancellationToken: cancellationToken);
            return new GatewayAnswer(gateway, response, null);
        }
        catch (RpcException ex) when (ex.StatusCode is GrpcCode.Unavailable or GrpcCode.DeadlineExceeded)
        {
            return new GatewayAnswer(gateway, null, $"无法连接网关 {gateway}（{ex.StatusCode}），其调用未计入下列统计。");
        }
        catch (RpcException ex) when (ex.StatusCode is GrpcCode.Unauthenticated or GrpcCode.PermissionDenied)
        {
            return new GatewayAnswer(gateway, null, $"网关 {gateway} 拒绝了目录管理客户端的凭据（{ex.StatusCode}）：{ex.Status.Detail}");
        }
        catch (RpcException ex)
        {
            return new GatewayAnswer(gateway, null, $"网关 {gateway} 返回错误（{ex.StatusCode}）：{ex.Status.Detail}");
        }
        catch (ExchangeTokenException ex)
        {
            return new GatewayAnswer(gateway, null, $"无法获取访问网关的令牌：{ex.Message}");
        }
    }
}

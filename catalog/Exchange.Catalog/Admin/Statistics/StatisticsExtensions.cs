namespace Exchange.Catalog.Admin.Statistics;

public static class StatisticsExtensions
{
    /// <summary>The statistics page's reader of every configured gateway's call statistics (Admin:Gateways).</summary>
    public static IServiceCollection AddGatewayStatistics(this IServiceCollection services) =>
        services.AddSingleton<GatewayStatistics>();
}

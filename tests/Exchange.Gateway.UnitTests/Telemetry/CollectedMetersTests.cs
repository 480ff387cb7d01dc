using System.Text.RegularExpressions;
using Exchange.Gateway.UnitTests.InProcess;
using Exchange.Protos.PublicSecurity.V1;
using Exchange.Testing;

namespace Exchange.Gateway.UnitTests.Telemetry;

/// <summary>
/// Which metrics a service collects (common/Exchange.ServiceDefaults), read from the gateway's Prometheus scrape in
/// process: Exchange's own meters and ASP.NET Core's request metrics, which dashboards and TelemetryTests read, and no
/// other framework meter unless <c>Telemetry:AdditionalMeters</c> names it; each one collected costs every call its updates.
/// </summary>
public sealed partial class CollectedMetersTests(CollectedMetersTests.WithRoutingMeter routingHost) : IClassFixture<CollectedMetersTests.WithRoutingMeter>
{
    public sealed class WithRoutingMeter : GatewayHost
    {
        protected override IReadOnlyDictionary<string, string> ExtraSettings => new Dictionary<string, string>
        {
            ["Telemetry:AdditionalMeters:0"] = "Microsoft.AspNetCore.Routing",
        };
    }

    [Fact]
    public async Task By_default_only_exchange_meters_and_the_request_metrics_are_collected()
    {
        await using var host = new GatewayHost();

        var families = await FamiliesAfterOneCallAsync(host);

        Assert.Contains("http_server_request_duration_seconds", families);
        Assert.All(families, name => Assert.True(
            name.StartsWith("exchange_", StringComparison.Ordinal) || name.StartsWith("http_server_", StringComparison.Ordinal) || name == "target_info",
            $"{name} is collected: {string.Join(", ", families)}"));
    }

    [Fact]
    public async Task A_meter_named_in_the_settings_is_collected_too()
    {
        var families = await FamiliesAfterOneCallAsync(routingHost);

        Assert.Contains("http_server_request_duration_seconds", families);
        Assert.Contains(families, name => name.StartsWith("aspnetcore_routing_", StringComparison.Ordinal));
    }

    /// <summary>The metric families on the scrape once the gateway's call counter shows a call.</summary>
    private static async Task<string[]> FamiliesAfterOneCallAsync(GatewayHost host)
    {
        await new PopulationService.PopulationServiceClient(host.CallsAs("CIVIL-AFFAIRS"))
            .VerifyIdentityAsync(new VerifyIdentityRequest { CitizenId = "11010519491231002X", Name = "张伟" });
        using var http = host.CreateClient();
        var scrape = string.Empty;
        // The exporter caches a scrape for a moment, so the call may show in a later one.
        await Eventually.WithinAsync(TimeSpan.FromSeconds(30), async () => (scrape = await http.GetStringAsync("/metrics")).Contains("exchange_gateway_calls_total", StringComparison.Ordinal),
            "the call counted on /metrics");
        return [.. Family().Matches(scrape).Select(m => m.Groups["name"].Value).Distinct()];
    }

    [GeneratedRegex(@"^# TYPE (?<name>[a-zA-Z_:][a-zA-Z0-9_:]*) ", RegexOptions.Multiline)]
    private static partial Regex Family();
}

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Exchange.Protos.Licence.V1;
using Exchange.Protos.PublicSecurity.V1;
using Exchange.Testing;
using Grpc.Core;

namespace Exchange.Gateway.Tests;

/// <summary>
/// OpenTelemetry in the running services: the gateway's own metrics on its Prometheus scrape endpoint (Web endpoint,
/// HTTP/1.1), <c>/metrics</c> on an adapter (h2c) and the catalog, and one trace across gateway and adapter for one call.
/// On the fault cluster, whose gateway and adapters log every request (ASP.NET Core hosting at Information), so the trace
/// ids in their log scopes can be compared.
/// </summary>
[Collection(FaultClusterCollection.Name)]
public sealed partial class TelemetryTests(FaultClusterCollection.Fixture fixture)
{
    /// <summary>Set to Information on the gateway and the adapters of <see cref="FaultClusterCollection"/>.</summary>
    public const string RequestLog = "Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics";
    private const string GetResidentPath = "/exchange.publicsecurity.v1.PopulationService/GetResident";

    private static readonly Exchange.SyntheticData.Resident Subject = SeededPopulation.Default.Residents[2];

    private ExchangeCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task The_gateway_counts_calls_per_consumer_provider_resource_and_status_on_its_scrape_endpoint()
    {
        await new PopulationService.PopulationServiceClient(Cluster.GatewayCallsAs(ExchangeClients.CivilAffairs))
            .GetResidentAsync(new GetResidentRequest { CitizenId = Subject.CitizenId });
        Assert.Equal(StatusCode.PermissionDenied, await ResourceCalls.StatusAsync(Cluster, ExchangeClients.MarketRegulation, "CA-MARRIAGE-RECORDS"));
        (string, string)[] allowed = [("consumer", "CIVIL-AFFAIRS"), ("provider", "PUBLIC-SECURITY"), ("resource", "PS-RESIDENT-BASIC"), ("status", "OK")];
        (string, string)[] denied = [("consumer", "MARKET-REGULATION"), ("provider", "CIVIL-AFFAIRS"), ("resource", "CA-MARRIAGE-RECORDS"), ("status", "PERMISSION_DENIED")];

        var scrape = await ScrapeUntilAsync(s => Sum(s, "exchange_gateway_calls_total", allowed) >= 1 && Sum(s, "exchange_gateway_calls_total", denied) >= 1,
            "both calls counted on the gateway's /metrics");

        Assert.True(Sum(scrape, "exchange_gateway_call_duration_seconds_count", allowed) >= 1, "no call duration for the allowed call");
        Assert.True(Sum(scrape, "exchange_gateway_audit_write_duration_seconds_count") >= 2, "no audit write latency");
        Assert.Contains("# TYPE exchange_gateway_call_duration_seconds histogram", scrape);
    }

    [Fact]
    public async Task Licence_cache_lookups_are_counted_by_result()
    {
        var client = LicenceCalls.As(Cluster, ExchangeClients.MarketRegulation);
        var holder = LicenceHolders.SingleResidents[11].CitizenId;

        await client.ListByHolderAsync(new ListByHolderRequest { HolderId = holder });
        await client.ListByHolderAsync(new ListByHolderRequest { HolderId = holder });

        await ScrapeUntilAsync(s => Sum(s, "exchange_gateway_licence_cache_lookups_total", ("lookup", "holder"), ("result", "miss")) >= 1
                                    && Sum(s, "exchange_gateway_licence_cache_lookups_total", ("lookup", "holder"), ("result", "hit")) >= 1,
            "a miss and a hit of the holder lookup counted");
    }

    [Fact]
    public async Task Adapters_serve_metrics_over_mutual_TLS_and_the_catalog_on_its_web_endpoint()
    {
        // An adapter answers only its allowed client certificates beyond the health probes (a scraper is given one).
        using var h2 = new HttpClient(TestPki.CreateGatewayHandler()) { DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };
        var adapter = await h2.GetStringAsync(new Uri(Cluster.PublicSecurity.Address, "metrics"));
        using var http = new HttpClient(TestPki.CreateHandler());
        var catalog = await http.GetStringAsync(new Uri(Cluster.Catalog.WebAddress!, "metrics"));

        Assert.Contains("# TYPE http_server_request_duration_seconds histogram", adapter);
        Assert.Contains("# TYPE http_server_request_duration_seconds histogram", catalog);
    }

    [Fact]
    public async Task Gateway_and_adapter_record_one_trace_for_one_call()
    {
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        var callerSpan = ActivitySpanId.CreateRandom().ToHexString();
        // The caller's span is the one in the header below, not one of the test host's.
        Activity.Current = null;

        await new PopulationService.PopulationServiceClient(Cluster.GatewayCallsAs(ExchangeClients.CivilAffairs))
            .GetResidentAsync(new GetResidentRequest { CitizenId = Subject.CitizenId }, new Metadata { { "traceparent", $"00-{traceId}-{callerSpan}-01" } });

        var atGateway = await RequestLoggedAsync(Cluster.Gateway, traceId);
        var atAdapter = await RequestLoggedAsync(Cluster.PublicSecurity, traceId);

        // The gateway continues the caller's trace; the adapter's parent is a span of the gateway, not the caller's:
        // the gateway propagated its own context rather than passing the caller's header through.
        Assert.Equal(callerSpan, atGateway.ParentId);
        Assert.NotEqual(callerSpan, atAdapter.ParentId);
        Assert.NotEqual(atGateway.SpanId, atAdapter.SpanId);
    }

    private async Task<string> ScrapeUntilAsync(Func<string, bool> condition, string what)
    {
        using var http = new HttpClient(TestPki.CreateHandler());
        var endpoint = new Uri(Cluster.Gateway.WebAddress!, "metrics");
        var scrape = string.Empty;
        try
        {
            await Eventually.WithinAsync(TimeSpan.FromSeconds(30), async () => condition(scrape = await http.GetStringAsync(endpoint)), what);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message}; exchange_gateway lines scraped:{Environment.NewLine}" +
                                       string.Join(Environment.NewLine, scrape.Split('\n').Where(l => l.StartsWith("exchange_gateway", StringComparison.Ordinal))), ex);
        }
        return scrape;
    }

    /// <summary>Sum of the samples of <paramref name="name"/> whose labels include every one of <paramref name="labels"/>.</summary>
    private static double Sum(string scrape, string name, params (string Label, string Value)[] labels)
    {
        var sum = 0.0;
        foreach (var line in scrape.Split('\n'))
        {
            var sample = Sample().Match(line);
            if (!sample.Success || sample.Groups["name"].Value != name)
                continue;
            var found = Label().Matches(sample.Groups["labels"].Value).ToDictionary(m => m.Groups["key"].Value, m => m.Groups["value"].Value);
            if (labels.All(l => found.TryGetValue(l.Label, out var value) && value == l.Value))
                sum += double.Parse(sample.Groups["value"].Value, CultureInfo.InvariantCulture);
        }
        return sum;
    }

    private static async Task<(string SpanId, string ParentId)> RequestLoggedAsync(ServiceProcess service, string traceId)
    {
        string? line = null;
        try
        {
            await Eventually.WithinAsync(TimeSpan.FromSeconds(30), () =>
            {
                line = service.RecentLog.Split(Environment.NewLine)
                    .FirstOrDefault(l => l.Contains("TraceId:" + traceId, StringComparison.Ordinal) && l.Contains(GetResidentPath, StringComparison.Ordinal));
                return Task.FromResult(line is not null);
            }, $"{service.Service} logs the call with trace id {traceId}");
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message}; its recent log:{Environment.NewLine}{service.RecentLog}", ex);
        }
        return (Scope().Match(line!).Groups["span"].Value, Parent().Match(line!).Groups["parent"].Value);
    }

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})? (?<value>\S+)")]
    private static partial Regex Sample();

    [GeneratedRegex("(?<key>[a-zA-Z_][a-zA-Z0-9_]*)=\"(?<value>(?:[^\"\\\\]|\\\\.)*)\"")]
    private static partial Regex Label();

    [GeneratedRegex("SpanId:(?<span>[0-9a-f]{16})")]
    private static partial Regex Scope();

    [GeneratedRegex("ParentId:(?<parent>[0-9a-f]{16})")]
    private static partial Regex Parent();
}

using System.Globalization;
using Exchange.SyntheticData;
using Exchange.Testing;

namespace Exchange.Resilience.Tests;

/// <summary>
/// One cluster for every fault test, which run one after another: each test breaks something and puts it back. Two
/// gateway instances behind the front balancer (gateway/Exchange.Gateway.Balancer), sharing the catalog, the signing
/// key and Redis, each with its own audit store: <see cref="TwoGatewayTests"/> calls through the front, the other
/// classes call the first instance (<see cref="ExchangeCluster.Gateway"/>) directly. One cluster rather than one with
/// a single gateway beside one with two: a cluster start is most of this project's CPU, and the two only competed for
/// the same two cores. Limits are shared through Redis: loose for every department, so load is not throttled, and
/// tight for <see cref="LimitedDepartment"/>, whose calls test the shared limit (no other test calls as it).
/// </summary>
public sealed class FaultClusterFixture : ClusterFixture
{
    public const string LimitedDepartment = "MARKET-REGULATION";
    // Low, so that even a machine slowed down by other work asks for well over it.
    public const int LimitedRate = 10;
    public const int LimitedBurst = 5;

    protected override ExchangeClusterOptions Options => new()
    {
        GatewayInstances = 2,
        // Tokens are fetched once per client for the cluster's life and refreshed shortly before they expire: a refresh
        // due while a test has the catalog down would fail that test. An hour outlasts the whole collection.
        CatalogSettings = new Dictionary<string, string> { ["Identity:AccessTokenLifetime"] = "01:00:00" },
        GatewaySettings = new Dictionary<string, string>
        {
            ["RateLimits:PermitsPerSecond"] = "100000",
            ["RateLimits:Burst"] = "100000",
            [$"RateLimits:Consumers:{LimitedDepartment}:PermitsPerSecond"] = LimitedRate.ToString(CultureInfo.InvariantCulture),
            [$"RateLimits:Consumers:{LimitedDepartment}:Burst"] = LimitedBurst.ToString(CultureInfo.InvariantCulture),
        },
        BalancerSettings = new Dictionary<string, string>
        {
            ["ReverseProxy:Clusters:gateways:HealthCheck:Active:Interval"] = "00:00:01",
            ["ReverseProxy:Clusters:gateways:HealthCheck:Passive:ReactivationPeriod"] = "00:00:02",
        },
    };
}

[CollectionDefinition(Name)]
public sealed class FaultCollection : ICollectionFixture<FaultClusterFixture>
{
    public const string Name = "faults";
}

/// <summary>Seeded subjects the adapters answer for, from the same deterministic population.</summary>
public static class Subjects
{
    private static readonly SyntheticPopulation Population = SyntheticPopulation.Generate();

    public static IReadOnlyList<string> Residents { get; } =
        [.. Population.Residents.Where(r => r.Status == ResidentStatus.Normal).Take(500).Select(r => r.CitizenId)];

    public static IReadOnlyList<string> Enterprises { get; } =
        [.. Population.Enterprises.Where(e => e.Status == EnterpriseStatus.Active).Take(200).Select(e => e.CreditCode)];
}

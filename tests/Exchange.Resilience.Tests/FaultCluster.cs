using Exchange.SyntheticData;
using Exchange.Testing;

namespace Exchange.Resilience.Tests;

/// <summary>
/// One cluster for every fault test, which run one after another: each test breaks something and puts it back, and
/// a second cluster would only compete for the same two cores. Rate limits are off, so load is not throttled.
/// </summary>
public sealed class FaultClusterFixture : ClusterFixture
{
    protected override ExchangeClusterOptions Options => new()
    {
        // Tokens are fetched once per client for the cluster's life and refreshed shortly before they expire: a refresh
        // due while a test has the catalog down would fail that test. An hour outlasts the whole collection.
        CatalogSettings = new Dictionary<string, string> { ["Identity:AccessTokenLifetime"] = "01:00:00" },
        GatewaySettings = new Dictionary<string, string> { ["RateLimits:Enabled"] = "false" },
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

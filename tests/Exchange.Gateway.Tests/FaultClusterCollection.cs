using Exchange.Testing;

namespace Exchange.Gateway.Tests;

/// <summary>
/// One cluster for the test classes that stop and restart its services (the catalog, an adapter, Redis, the gateway),
/// read its logs or start gateways of their own beside it: they run one after another on it, and each test puts back
/// what it stopped before it ends, so one cluster start serves them all instead of one per class.
/// </summary>
[CollectionDefinition(Name)]
public sealed class FaultClusterCollection : ICollectionFixture<FaultClusterCollection.Fixture>
{
    public const string Name = "Shared cluster for faults";

    public sealed class Fixture : ClusterFixture
    {
        protected override ExchangeClusterOptions Options => new()
        {
            // Tokens are fetched once per client for the cluster's life and refreshed shortly before they expire: a refresh
            // due while a test has the catalog down would fail that test. An hour outlasts the whole collection.
            CatalogSettings = new Dictionary<string, string> { ["Identity:AccessTokenLifetime"] = "01:00:00" },
            // TelemetryTests compare the trace ids in the request logs of the gateway and an adapter.
            GatewaySettings = new Dictionary<string, string> { [TelemetryTests.RequestLog] = "Information" },
            AdapterSettings = new Dictionary<string, string>
            {
                [TelemetryTests.RequestLog] = "Information",
                // HealthTests: the adapters' keys are fresh (rotation due in 365 days); a warning window longer than that must report them.
                ["Health:KeyExpiryWarning"] = "400.00:00:00",
            },
        };
    }
}

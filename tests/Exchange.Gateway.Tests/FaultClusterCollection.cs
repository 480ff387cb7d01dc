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
        private readonly Lazy<Task<ServiceProcess[]>> _witnessingGateways;

        public Fixture() => _witnessingGateways = new(() => Cluster.StartWitnessingGatewaysAsync(2, "witnessing"));

        /// <summary>
        /// Two more gateway instances on the cluster's catalog and Redis, each with a SQLite audit log of its own that the
        /// other witnesses (log ids witnessing-1 and -2), started when first asked for and stopped with the cluster: one
        /// start serves GatewayWitnessTests, which rewrites the first one's log, and LicenceCacheTests, which needs a
        /// second instance and uses the second one.
        /// </summary>
        public Task<ServiceProcess[]> WitnessingGatewaysAsync() => _witnessingGateways.Value;

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

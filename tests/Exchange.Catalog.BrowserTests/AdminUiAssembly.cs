using Exchange.Catalog.BrowserTests;
using Exchange.Testing;

// One Exchange and one browser for the whole project; the test classes run beside each other on it, a few at a time:
// a browser test spends most of its time waiting on a chain of processes (test, Playwright, Chromium, catalog, gateway),
// one step at a time. Tests change only what is theirs (their own holders, resources and grants); those that read the
// gateway's records of every caller run alone (GatewayRecordsCollection).
[assembly: AssemblyFixture(typeof(AdminUiFixture))]
[assembly: CollectionBehavior(MaxParallelThreads = 3)]
[assembly: EndedTests]

namespace Exchange.Catalog.BrowserTests;

/// <summary>
/// Tests that read the gateway's records of every caller: the statistics since a second of their own (every call counts)
/// and the audit log's first page (the newest records). Calls of tests running beside them would change what they read,
/// so they run alone: a collection without parallelisation runs after the others.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GatewayRecordsCollection
{
    public const string Name = "gateway records, read alone";
}

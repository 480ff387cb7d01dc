using Exchange.Gateway.BrowserTests;
using Exchange.Testing;

// One Exchange and one browser for the whole project; the test classes run beside each other on it, a few at a time:
// a browser test spends most of its time waiting on a chain of processes (test, Playwright, Chromium, gateway, issuers),
// one step at a time. Each test uses holders of its own (its own couples and organisations); those that read civil
// affairs' newest audit records run alone (GatewayRecordsCollection).
[assembly: AssemblyFixture(typeof(ClerkPageFixture))]
[assembly: CollectionBehavior(MaxParallelThreads = 3)]
[assembly: EndedTests]

namespace Exchange.Gateway.BrowserTests;

/// <summary>
/// Tests that read the gateway's newest records of a department, which calls of tests running beside them would push
/// out of the page they read: a collection without parallelisation runs after the others, alone.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GatewayRecordsCollection
{
    public const string Name = "gateway records, read alone";
}

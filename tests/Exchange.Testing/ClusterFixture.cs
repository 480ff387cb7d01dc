namespace Exchange.Testing;

/// <summary>An <see cref="ExchangeCluster"/> started once for a test class (or collection) and stopped after it.</summary>
public class ClusterFixture : IAsyncLifetime
{
    private ExchangeCluster? _cluster;

    public ExchangeCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster has not started.");

    /// <summary>Override to start the cluster with extra settings.</summary>
    protected virtual ExchangeClusterOptions Options => new();

    public async ValueTask InitializeAsync() => _cluster = await ExchangeCluster.StartAsync(Options, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
            await _cluster.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

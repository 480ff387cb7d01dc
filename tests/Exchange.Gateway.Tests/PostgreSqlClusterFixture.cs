using Exchange.Testing;

namespace Exchange.Gateway.Tests;

/// <summary>A whole cluster whose catalog and adapters keep their stores on a real PostgreSQL server, not SQLite.</summary>
public sealed class PostgreSqlClusterFixture : IAsyncLifetime
{
    private PostgresServer? _postgres;
    private ExchangeCluster? _cluster;

    public PostgresServer Postgres => _postgres ?? throw new InvalidOperationException("PostgreSQL has not started.");

    public ExchangeCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster has not started.");

    public async ValueTask InitializeAsync()
    {
        _postgres = await PostgresServer.StartAsync(TestContext.Current.CancellationToken);
        _cluster = await ExchangeCluster.StartAsync(new ExchangeClusterOptions { Postgres = _postgres }, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
            await _cluster.DisposeAsync();
        if (_postgres is not null)
            await _postgres.DisposeAsync();
    }
}

using Exchange.Testing;

[assembly: AssemblyFixture(typeof(Exchange.Adapters.Tests.PostgresFixture))]

namespace Exchange.Adapters.Tests;

/// <summary>One PostgreSQL server for the assembly's store tests; each test gets a database of its own.</summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    public PostgresServer Server { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Server = await PostgresServer.StartAsync();

    public async ValueTask DisposeAsync() => await Server.DisposeAsync();
}

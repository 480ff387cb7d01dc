using Exchange.Gateway.Catalog;
using Exchange.Gateway.Routing;
using Exchange.ServiceDefaults.Tls;
using Exchange.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;

namespace Exchange.Gateway.UnitTests.Routing;

public sealed class CatalogProxyConfigProviderTests
{
    [Fact]
    public async Task An_unroutable_resource_is_logged_when_it_becomes_so_not_on_every_rebuild()
    {
        var state = new CatalogState();
        var logger = new FakeLogger<CatalogProxyConfigProvider>();
        var plaintext = Catalogs.Resource("PS-PLAIN", service: "exchange.v1.PlainOneService", endpoint: "http://127.0.0.1:7101");
        state.Replace(Catalogs.Published(1, Catalogs.Resource("PS-RES"), plaintext), CatalogSource.Catalog, DateTimeOffset.UtcNow);
        await using var provider = new CatalogProxyConfigProvider(state, new TransportSecurity(Options.Create(new TlsOptions()), NullLogger<TransportSecurity>.Instance), logger);

        await RebuiltAsync(provider, state, 2, Catalogs.Published(2, Catalogs.Resource("PS-RES"), plaintext, Catalogs.Resource("PS-MORE", service: "exchange.v1.MoreService")));
        var secondPlaintext = Catalogs.Resource("PS-PLAIN-2", service: "exchange.v1.PlainService", endpoint: "http://127.0.0.1:7102");
        await RebuiltAsync(provider, state, 3, Catalogs.Published(3, Catalogs.Resource("PS-RES"), plaintext, secondPlaintext));

        var unroutable = logger.Collector.GetSnapshot().Where(r => r.Level == LogLevel.Warning && r.Message.Contains("not routed", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, unroutable.Count);
        Assert.Contains("PS-PLAIN:", unroutable[0].Message, StringComparison.Ordinal);
        Assert.Contains("revision 1", unroutable[0].Message, StringComparison.Ordinal);
        Assert.Contains("PS-PLAIN-2:", unroutable[1].Message, StringComparison.Ordinal);
        Assert.Contains("revision 3", unroutable[1].Message, StringComparison.Ordinal);
    }

    private static async Task RebuiltAsync(CatalogProxyConfigProvider provider, CatalogState state, long revision, PublishedCatalog catalog)
    {
        state.Replace(catalog, CatalogSource.Catalog, DateTimeOffset.UtcNow);
        await Eventually.WithinAsync(TimeSpan.FromSeconds(30), () => Task.FromResult(provider.Table.Revision == revision), $"routes for revision {revision}");
    }
}

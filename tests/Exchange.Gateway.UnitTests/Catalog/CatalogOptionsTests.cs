using Exchange.Gateway.Catalog;

namespace Exchange.Gateway.UnitTests.Catalog;

public sealed class CatalogOptionsTests
{
    private static readonly CatalogOptionsValidator Validator = new();

    [Fact]
    public void Defaults_are_valid() => OptionsAssert.Valid(Validator, new CatalogOptions());

    [Fact]
    public void Address_must_be_http_or_https() =>
        OptionsAssert.Fails(Validator, new CatalogOptions { Address = new Uri("/relative", UriKind.Relative) }, "Catalog:Address must be an absolute http or https address");

    [Fact]
    public void Snapshot_files_and_client_must_be_named()
    {
        OptionsAssert.Fails(Validator, new CatalogOptions { SnapshotPath = "" }, "Catalog:SnapshotPath must name a file.");
        OptionsAssert.Fails(Validator, new CatalogOptions { GrantSnapshotPath = " " }, "Catalog:GrantSnapshotPath must name a file.");
        OptionsAssert.Fails(Validator, new CatalogOptions { ClientId = "" }, "Catalog:ClientId must name the gateway's client at the catalog.");
    }

    [Fact]
    public void Reconnect_delays_are_positive_and_ordered()
    {
        OptionsAssert.Fails(Validator, new CatalogOptions { InitialReconnectDelay = TimeSpan.Zero }, "Catalog:InitialReconnectDelay must be positive.");
        OptionsAssert.Fails(Validator, new CatalogOptions { InitialReconnectDelay = TimeSpan.FromSeconds(10), MaxReconnectDelay = TimeSpan.FromSeconds(5) },
            "Catalog:MaxReconnectDelay must not be shorter than Catalog:InitialReconnectDelay.");
        OptionsAssert.Fails(Validator, new CatalogOptions { MaxSnapshotAge = TimeSpan.Zero }, "Catalog:MaxSnapshotAge must be positive.");
    }
}

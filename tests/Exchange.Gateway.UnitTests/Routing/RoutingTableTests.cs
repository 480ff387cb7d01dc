using Exchange.Gateway.Routing;
using Exchange.Protos.Catalog.V1;

namespace Exchange.Gateway.UnitTests.Routing;

public sealed class RoutingTableTests
{
    [Fact]
    public void Published_methods_are_routed_by_path_to_their_provider()
    {
        var table = RoutingTable.Build(Catalogs.Published(7, Catalogs.Resource("PS-RES", methods: ["GetResident", "ListResidents"])), allowPlaintext: false);

        Assert.Equal(7, table.Revision);
        Assert.Empty(table.Problems);
        Assert.Equal(["/exchange.publicsecurity.v1.ResidentService/GetResident", "/exchange.publicsecurity.v1.ResidentService/ListResidents"],
            table.MethodsByPath.Keys.Order(StringComparer.Ordinal));
        Assert.All(table.MethodsByPath.Values, m => Assert.Equal("https://127.0.0.1:7101", m.Endpoint));
        var route = Assert.Single(table.Routes);
        Assert.Equal("/{service}/{method}", route.Match.Path);
        var cluster = Assert.Single(table.Clusters);
        Assert.Equal(route.ClusterId, cluster.ClusterId);
        Assert.Equal("https://127.0.0.1:7101", Assert.Single(cluster.Destinations!).Value.Address);
        Assert.Equal("https://127.0.0.1:7101", cluster.Destinations!.Single().Key);
    }

    [Fact]
    public void Method_paths_compare_ordinally_as_grpc_does()
    {
        var table = RoutingTable.Build(Catalogs.Published(1, Catalogs.Resource("PS-RES")));

        Assert.False(table.MethodsByPath.ContainsKey("/exchange.publicsecurity.v1.residentservice/getresident"));
    }

    [Fact]
    public void Plaintext_provider_is_unroutable_when_only_mutual_tls_is_allowed()
    {
        var table = RoutingTable.Build(Catalogs.Published(1, Catalogs.Resource("PS-RES", endpoint: "http://127.0.0.1:7101")), allowPlaintext: false);

        Assert.Empty(table.MethodsByPath);
        Assert.Contains(table.Problems, p => p.StartsWith("PS-RES:", StringComparison.Ordinal) && p.Contains("plaintext"));
    }

    [Theory]
    [InlineData("ResidentService", "https://127.0.0.1:7101", "GetResident", "not a fully qualified service name")]
    [InlineData("exchange.v1.ResidentService", "ftp://127.0.0.1", "GetResident", "not an absolute http or https address")]
    [InlineData("exchange.v1.ResidentService", "https://127.0.0.1:7101", "Get/../Resident", "is not a method name")]
    public void Malformed_resource_is_reported_not_routed(string service, string endpoint, string method, string problem)
    {
        var table = RoutingTable.Build(Catalogs.Published(1, Catalogs.Resource("PS-BAD", service: service, endpoint: endpoint, methods: [method])));

        Assert.Empty(table.MethodsByPath);
        Assert.Contains(table.Problems, p => p.Contains(problem));
    }

    [Fact]
    public void Conflicting_claim_on_a_method_goes_to_the_lowest_code_on_every_instance()
    {
        var first = Catalogs.Resource("PS-A", endpoint: "https://127.0.0.1:7101");
        var second = Catalogs.Resource("PS-B", endpoint: "https://127.0.0.1:7102");

        var table = RoutingTable.Build(Catalogs.Published(1, second, first));

        Assert.Equal("PS-A", table.MethodsByPath.Values.Single().Resource.Code);
        Assert.Contains("PS-B: exchange.publicsecurity.v1.ResidentService/GetResident is already served by PS-A", table.Problems);
    }

    [Fact]
    public void Service_spread_over_endpoints_has_each_method_sent_to_its_own_endpoint()
    {
        var a = Catalogs.Resource("PS-A", endpoint: "https://127.0.0.1:7101", methods: ["GetResident"]);
        var b = Catalogs.Resource("PS-B", endpoint: "https://127.0.0.1:7102", methods: ["ListResidents"]);

        var table = RoutingTable.Build(Catalogs.Published(1, a, b));

        Assert.Equal("https://127.0.0.1:7101", table.MethodsByPath["/exchange.publicsecurity.v1.ResidentService/GetResident"].Endpoint);
        Assert.Equal("https://127.0.0.1:7102", table.MethodsByPath["/exchange.publicsecurity.v1.ResidentService/ListResidents"].Endpoint);
        Assert.Single(table.Routes);
        // A destination's id is its endpoint: the request pipeline narrows each call to its method's.
        Assert.Equal(["https://127.0.0.1:7101", "https://127.0.0.1:7102"],
            Assert.Single(table.Clusters).Destinations!.Select(d => d.Key).Order(StringComparer.Ordinal));
        Assert.All(Assert.Single(table.Clusters).Destinations!, d => Assert.Equal(d.Key, d.Value.Address));
    }

    [Fact]
    public void Proxy_configuration_stays_one_route_and_one_cluster_however_many_resources_are_published()
    {
        var resources = Enumerable.Range(0, 300).Select(i => Catalogs.Resource($"PS-{i:D3}", service: $"exchange.bench.v1.Service{i}",
            endpoint: $"https://127.0.0.1:{7101 + i % 3}", methods: ["GetResident", "ListResidents"])).ToArray();

        var table = RoutingTable.Build(Catalogs.Published(1, resources));

        Assert.Equal(600, table.MethodsByPath.Count);
        Assert.Single(table.Routes);
        Assert.Equal(3, Assert.Single(table.Clusters).Destinations!.Count);
        Assert.Equal(3, table.ProviderEndpointCount);
    }

    [Fact]
    public void Catalog_without_a_routable_method_has_no_route_so_every_call_is_answered_as_unrouted()
    {
        var table = RoutingTable.Build(Catalogs.Published(1, Catalogs.Resource("PS-RES", endpoint: "http://127.0.0.1:7101")), allowPlaintext: false);

        Assert.Empty(table.Routes);
        Assert.Empty(table.Clusters);
        Assert.Equal(0, table.ProviderEndpointCount);
    }

    [Fact]
    public void Licence_issuers_are_brokered_not_proxied()
    {
        var issuer = Catalogs.Resource("PS-LIC", service: "exchange.licence.v1.LicenceIssuerService", methods: ["GetLicence"]);

        Assert.Empty(RoutingTable.Build(Catalogs.Published(1, issuer)).MethodsByPath);
    }

    [Fact]
    public void Deprecated_resource_disappears_from_the_next_table()
    {
        var resource = Catalogs.Resource("PS-RES");
        var catalog = Catalogs.Published(1, resource).Apply(new ResourceChange { Type = ResourceChangeType.Deprecated, Revision = 2, Resource = resource });

        var table = RoutingTable.Build(catalog);

        Assert.Equal(2, table.Revision);
        Assert.Empty(table.MethodsByPath);
    }
}

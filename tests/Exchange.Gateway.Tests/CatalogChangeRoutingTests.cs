using Exchange.Protos.Catalog.V1;
using Exchange.Protos.PublicSecurity.V1;
using Exchange.Testing;
using Grpc.Core;

namespace Exchange.Gateway.Tests;

/// <summary>Publishing and deprecating in the catalog changes the gateway's routing within 5 seconds, without a restart.</summary>
[Collection(SharedClusterCollection.Name)]
public sealed class CatalogChangeRoutingTests(RecordedClusterFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);
    private const string IdentityCheck = "PS-IDENTITY-CHECK";

    [Fact]
    public async Task Deprecating_and_republishing_a_resource_changes_routing_within_five_seconds()
    {
        var catalog = new CatalogService.CatalogServiceClient(fixture.Cluster.CatalogCallsAs(ExchangeClients.CatalogAdmin));
        var population = new PopulationService.PopulationServiceClient(fixture.Cluster.GatewayCallsAs(ExchangeClients.CivilAffairs));
        var request = new VerifyIdentityRequest { CitizenId = "11010519491231002X", Name = "张伟" };
        await population.VerifyIdentityAsync(request);

        var deprecated = await catalog.DeprecateResourceAsync(new DeprecateResourceRequest { Code = IdentityCheck });
        Assert.Equal(ResourceState.Deprecated, deprecated.Resource.State);
        var gone = await Eventually.WithinAsync(Bound, async () => await GrpcStatus.OfAsync(() => population.VerifyIdentityAsync(request).ResponseAsync) == StatusCode.NotFound,
            "a deprecated resource stops routing");

        var published = await catalog.PublishResourceAsync(new PublishResourceRequest { Code = IdentityCheck });
        Assert.Equal(2, published.Resource.Version);
        var back = await Eventually.WithinAsync(Bound, async () => await GrpcStatus.OfAsync(() => population.VerifyIdentityAsync(request).ResponseAsync) == StatusCode.OK,
            "a republished resource routes again");

        output.WriteLine($"deprecation took effect after {gone.TotalMilliseconds:F0} ms, publication after {back.TotalMilliseconds:F0} ms");
    }
}

using Exchange.Protos.Catalog.V1;

namespace Exchange.Catalog.Tests;

public sealed class SeedTests(CatalogProcess catalog) : IClassFixture<CatalogProcess>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private CatalogService.CatalogServiceClient Client => catalog.Admin;

    [Fact]
    public async Task First_start_seeds_the_founding_departments_and_the_holders_portal()
    {
        var listed = await Client.ListDepartmentsAsync(new ListDepartmentsRequest(), cancellationToken: Ct);

        Assert.Equal(
            [("CIVIL-AFFAIRS", "民政厅"), ("MARKET-REGULATION", "市场监督管理局"), ("PORTAL", "政务服务门户"), ("PUBLIC-SECURITY", "公安厅")],
            listed.Departments.Select(d => (d.Code, d.Name)));
    }

    [Theory]
    [InlineData("PS-RESIDENT-BASIC", "PUBLIC-SECURITY", "exchange.publicsecurity.v1.PopulationService", "GetResident", ShareType.Conditional, "birth_date")]
    [InlineData("PS-IDENTITY-CHECK", "PUBLIC-SECURITY", "exchange.publicsecurity.v1.PopulationService", "VerifyIdentity", ShareType.Unconditional, "match")]
    [InlineData("MR-ENTERPRISE-BASIC", "MARKET-REGULATION", "exchange.marketregulation.v1.EnterpriseService", "GetEnterprise,VerifyEnterprise", ShareType.Unconditional, "registered_capital_yuan")]
    [InlineData("MR-CREDIT-STATUS", "MARKET-REGULATION", "exchange.marketregulation.v1.EnterpriseService", "GetCreditStatus", ShareType.Conditional, "serious_violations")]
    [InlineData("CA-MARRIAGE-RECORDS", "CIVIL-AFFAIRS", "exchange.civilaffairs.v1.CivilAffairsService", "GetMarriageRecords", ShareType.Conditional, "spouse_name")]
    [InlineData("CA-SOCIAL-ORGANIZATION", "CIVIL-AFFAIRS", "exchange.civilaffairs.v1.CivilAffairsService", "GetSocialOrganization", ShareType.Unconditional, "registration_authority")]
    public async Task First_start_publishes_version_1_of_each_founding_resource_at_the_configured_endpoint(
        string code, string provider, string service, string methods, ShareType shareType, string someDataItem)
    {
        var resource = (await Client.GetResourceAsync(new GetResourceRequest { Code = code }, cancellationToken: Ct)).Resource;

        Assert.Equal((1, ResourceState.Published), (resource.Version, resource.State));
        Assert.Equal(provider, resource.ProviderDepartmentCode);
        Assert.Equal(service, resource.GrpcService);
        Assert.Equal(methods.Split(','), resource.GrpcMethods);
        Assert.Equal(shareType, resource.ShareType);
        Assert.Equal(CatalogProcess.SeedEndpoints[provider], resource.Endpoint);
        Assert.Contains(resource.DataItems, item => item.Name == someDataItem && item.Title.Length > 0
                                                    && item.Type != DataType.Unspecified && item.Sensitivity != Sensitivity.Unspecified);
        Assert.False(string.IsNullOrWhiteSpace(resource.Name));
        Assert.False(string.IsNullOrWhiteSpace(resource.Description));
    }

    [Fact]
    public async Task Seeded_resident_resource_names_the_population_register_fields()
    {
        var resource = (await Client.GetResourceAsync(new GetResourceRequest { Code = "PS-RESIDENT-BASIC" }, cancellationToken: Ct)).Resource;

        Assert.Equal("居民户籍基本信息", resource.Name);
        Assert.Equal(UpdateFrequency.RealTime, resource.UpdateFrequency);
        Assert.Equal(
            ["citizen_id", "name", "gender", "birth_date", "ethnicity", "registered_address", "status"],
            resource.DataItems.Select(item => item.Name));
        Assert.Equal("出生日期", resource.DataItems.Single(item => item.Name == "birth_date").Title);
    }

    /// <summary>Also the signing keys: a token issued before the restart still validates, and the same key signs on.</summary>
    [Fact]
    public async Task Restart_keeps_the_store_and_does_not_seed_again()
    {
        var draft = TestResources.Complete(TestResources.NewCode("S"));
        await Client.CreateResourceDraftAsync(new CreateResourceDraftRequest { Resource = draft }, cancellationToken: Ct);
        await Client.PublishResourceAsync(new PublishResourceRequest { Code = draft.Code }, cancellationToken: Ct);
        var before = await SnapshotAsync();
        var applicationsBefore = await ApplicationIdsAsync();
        var tokenBefore = await KeyRotationTests.RequestTokenAsync(catalog);

        await catalog.Service.StopAsync();
        await catalog.Service.StartAsync(Ct);

        // A call that needs a valid token and changes nothing (the department list above is asserted exactly).
        var withTokenBefore = new AccessService.AccessServiceClient(catalog.CallsWithAuthorization("Bearer " + tokenBefore));
        Assert.Equal(Grpc.Core.StatusCode.OK, await Exchange.Testing.GrpcStatus.OfAsync(() =>
            withTokenBefore.ListAccessApplicationsAsync(new ListAccessApplicationsRequest(), cancellationToken: Ct).ResponseAsync));
        Assert.Equal(Jwt.KeyIdOf(tokenBefore), Jwt.KeyIdOf(await KeyRotationTests.RequestTokenAsync(catalog)));

        var after = await SnapshotAsync();
        Assert.Equal(9, applicationsBefore.Count); // the demo grants of SeedGrants.Applications (three of them the portal's)
        Assert.Equal(applicationsBefore, await ApplicationIdsAsync());
        Assert.Equal(before.Revision, after.Revision);
        Assert.Equal(before.Resources.Select(r => (r.Code, r.Version)), after.Resources.Select(r => (r.Code, r.Version)));
        Assert.Contains(after.Resources, r => r.Code == draft.Code);
        Assert.Contains("not seeding", catalog.Service.RecentLog);
    }

    private async Task<IReadOnlyList<string>> ApplicationIdsAsync() =>
        [.. (await catalog.AccessAs(Exchange.Testing.ExchangeClients.CatalogAdmin).ListAccessApplicationsAsync(new ListAccessApplicationsRequest(), cancellationToken: Ct))
            .Applications.Select(a => a.Id)];

    private async Task<ResourceSnapshot> SnapshotAsync()
    {
        using var watch = Client.WatchResources(new WatchResourcesRequest(), deadline: DateTime.UtcNow.AddSeconds(30), cancellationToken: Ct);
        Assert.True(await watch.ResponseStream.MoveNext(Ct));
        return watch.ResponseStream.Current.Snapshot;
    }
}

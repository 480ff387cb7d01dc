using Exchange.Protos.Catalog.V1;
using Google.Rpc;
using Grpc.Core;

namespace Exchange.Catalog.Tests;

[Collection(SharedCatalogCollection.Name)]
public sealed class ResourceLifecycleTests(CatalogProcess catalog)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private CatalogService.CatalogServiceClient Client => catalog.Admin;

    [Fact]
    public async Task Draft_of_an_unregistered_department_is_failed_precondition_and_stores_nothing()
    {
        var draft = TestResources.Complete(TestResources.NewCode("T"));
        draft.ProviderDepartmentCode = "NO-SUCH-DEPARTMENT";

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Client.CreateResourceDraftAsync(new CreateResourceDraftRequest { Resource = draft }, cancellationToken: Ct).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("NO-SUCH-DEPARTMENT", error.Status.Detail);
        var lookup = await Assert.ThrowsAsync<RpcException>(() =>
            Client.GetResourceDraftAsync(new GetResourceDraftRequest { Code = draft.Code }, cancellationToken: Ct).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, lookup.StatusCode);
    }

    [Fact]
    public async Task Draft_with_a_taken_code_is_already_exists_and_keeps_the_first()
    {
        var first = TestResources.Complete(TestResources.NewCode("T"));
        await Client.CreateResourceDraftAsync(new CreateResourceDraftRequest { Resource = first }, cancellationToken: Ct);
        var second = TestResources.Complete(first.Code);
        second.Name = "另一个资源";

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Client.CreateResourceDraftAsync(new CreateResourceDraftRequest { Resource = second }, cancellationToken: Ct).ResponseAsync);

        Assert.Equal(StatusCode.AlreadyExists, error.StatusCode);
        var stored = await Client.GetResourceDraftAsync(new GetResourceDraftRequest { Code = first.Code }, cancellationToken: Ct);
        Assert.Equal(first.Name, stored.Resource.Name);
    }

    [Fact]
    public async Task Draft_with_a_malformed_code_or_no_name_is_invalid_argument_naming_the_field()
    {
        var lowerCase = TestResources.Complete("t-lower-case");
        var noName = TestResources.Complete(TestResources.NewCode("T"));
        noName.Name = "";

        var codeError = await Assert.ThrowsAsync<RpcException>(() =>
            Client.CreateResourceDraftAsync(new CreateResourceDraftRequest { Resource = lowerCase }, cancellationToken: Ct).ResponseAsync);
        var nameError = await Assert.ThrowsAsync<RpcException>(() =>
            Client.CreateResourceDraftAsync(new CreateResourceDraftRequest { Resource = noName }, cancellationToken: Ct).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, codeError.StatusCode);
        Assert.Equal("resource.code", Assert.Single(codeError.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field);
        Assert.Equal(StatusCode.InvalidArgument, nameError.StatusCode);
        Assert.Equal("resource.name", Assert.Single(nameError.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field);
    }

    [Fact]
    public async Task Updating_an_unknown_draft_is_not_found()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => Client.UpdateResourceDraftAsync(
            new UpdateResourceDraftRequest { Resource = TestResources.Complete(TestResources.NewCode("T")) }, cancellationToken: Ct).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task Publishing_an_incomplete_draft_lists_every_problem_and_publishes_nothing()
    {
        var code = TestResources.NewCode("T");
        var draft = new Resource
        {
            Code = code,
            Name = "不完整的资源",
            ProviderDepartmentCode = TestResources.Provider,
            GrpcService = "FuneralService",
            Endpoint = "127.0.0.1:7013",
            DataItems = { new DataItem { Name = "citizen_id" }, new DataItem { Name = "citizen_id" } },
        };
        await Client.CreateResourceDraftAsync(new CreateResourceDraftRequest { Resource = draft }, cancellationToken: Ct);

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Client.PublishResourceAsync(new PublishResourceRequest { Code = code }, cancellationToken: Ct).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        var problems = error.GetRpcStatus()!.GetDetail<PreconditionFailure>().Violations.Select(v => v.Description).ToList();
        Assert.Equal(5, problems.Count);
        Assert.Contains(problems, p => p.Contains("citizen_id") && p.Contains("2 times"));
        Assert.Contains(problems, p => p.Contains("share_type"));
        Assert.Contains(problems, p => p.Contains("grpc_service") && p.Contains("FuneralService"));
        Assert.Contains(problems, p => p.Contains("grpc_methods"));
        Assert.Contains(problems, p => p.Contains("endpoint"));
        await AssertNotPublishedAsync(code);
        var stored = await Client.GetResourceDraftAsync(new GetResourceDraftRequest { Code = code }, cancellationToken: Ct);
        Assert.Equal(ResourceState.Draft, stored.Resource.State);
    }

    [Fact]
    public async Task Draft_without_data_items_or_provider_cannot_be_published()
    {
        var draft = TestResources.Complete(TestResources.NewCode("T"));
        draft.DataItems.Clear();
        draft.ProviderDepartmentCode = "";
        await Client.CreateResourceDraftAsync(new CreateResourceDraftRequest { Resource = draft }, cancellationToken: Ct);

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Client.PublishResourceAsync(new PublishResourceRequest { Code = draft.Code }, cancellationToken: Ct).ResponseAsync);

        var problems = error.GetRpcStatus()!.GetDetail<PreconditionFailure>().Violations.Select(v => v.Description).ToList();
        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.Contains("data_items"));
        Assert.Contains(problems, p => p.Contains("provider_department_code"));
        await AssertNotPublishedAsync(draft.Code);
    }

    [Fact]
    public async Task Publish_makes_version_1_and_a_republished_edit_version_2_superseding_it()
    {
        var draft = TestResources.Complete(TestResources.NewCode("T"));
        await Client.CreateResourceDraftAsync(new CreateResourceDraftRequest { Resource = draft }, cancellationToken: Ct);

        var first = (await Client.PublishResourceAsync(new PublishResourceRequest { Code = draft.Code }, cancellationToken: Ct)).Resource;
        draft.Name = "殡葬服务信息（第二版）";
        draft.DataItems.Add(new DataItem { Name = "cremation_place", Title = "火化地点", Type = DataType.String, Sensitivity = Sensitivity.Internal });
        await Client.UpdateResourceDraftAsync(new UpdateResourceDraftRequest { Resource = draft }, cancellationToken: Ct);
        var stillFirst = (await Client.GetResourceAsync(new GetResourceRequest { Code = draft.Code }, cancellationToken: Ct)).Resource;
        var second = (await Client.PublishResourceAsync(new PublishResourceRequest { Code = draft.Code }, cancellationToken: Ct)).Resource;

        Assert.Equal((1, ResourceState.Published), (first.Version, first.State));
        Assert.NotNull(first.PublishTime);
        Assert.Equal((1, "殡葬服务信息", 2), (stillFirst.Version, stillFirst.Name, stillFirst.DataItems.Count));
        Assert.Equal((2, ResourceState.Published, "殡葬服务信息（第二版）", 3), (second.Version, second.State, second.Name, second.DataItems.Count));

        var current = (await Client.GetResourceAsync(new GetResourceRequest { Code = draft.Code }, cancellationToken: Ct)).Resource;
        var old = (await Client.GetResourceAsync(new GetResourceRequest { Code = draft.Code, Version = 1 }, cancellationToken: Ct)).Resource;
        Assert.Equal(2, current.Version);
        Assert.Equal((1, ResourceState.Superseded, "殡葬服务信息", 2), (old.Version, old.State, old.Name, old.DataItems.Count));

        var listed = await Client.ListResourcesAsync(new ListResourcesRequest(), cancellationToken: Ct);
        Assert.Equal(2, Assert.Single(listed.Resources, r => r.Code == draft.Code).Version);
    }

    [Fact]
    public async Task Invalid_edit_of_a_published_resource_changes_nothing_that_routes()
    {
        var draft = TestResources.Complete(TestResources.NewCode("T"));
        await Client.CreateResourceDraftAsync(new CreateResourceDraftRequest { Resource = draft }, cancellationToken: Ct);
        await Client.PublishResourceAsync(new PublishResourceRequest { Code = draft.Code }, cancellationToken: Ct);
        draft.GrpcMethods.Clear();
        await Client.UpdateResourceDraftAsync(new UpdateResourceDraftRequest { Resource = draft }, cancellationToken: Ct);

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Client.PublishResourceAsync(new PublishResourceRequest { Code = draft.Code }, cancellationToken: Ct).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        var current = (await Client.GetResourceAsync(new GetResourceRequest { Code = draft.Code }, cancellationToken: Ct)).Resource;
        Assert.Equal((1, ResourceState.Published, "GetCremation"), (current.Version, current.State, Assert.Single(current.GrpcMethods)));
        var missing = await Assert.ThrowsAsync<RpcException>(() =>
            Client.GetResourceAsync(new GetResourceRequest { Code = draft.Code, Version = 2 }, cancellationToken: Ct).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Method_already_served_by_another_published_resource_cannot_be_published()
    {
        var draft = TestResources.Complete(TestResources.NewCode("T"));
        draft.GrpcService = "exchange.publicsecurity.v1.PopulationService";
        draft.GrpcMethods.Clear();
        draft.GrpcMethods.Add("GetResident");
        draft.Endpoint = CatalogProcess.SeedEndpoints["PUBLIC-SECURITY"];
        await Client.CreateResourceDraftAsync(new CreateResourceDraftRequest { Resource = draft }, cancellationToken: Ct);

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Client.PublishResourceAsync(new PublishResourceRequest { Code = draft.Code }, cancellationToken: Ct).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        var problem = Assert.Single(error.GetRpcStatus()!.GetDetail<PreconditionFailure>().Violations);
        Assert.Contains("GetResident", problem.Description);
        Assert.Contains("PS-RESIDENT-BASIC", problem.Description);
        await AssertNotPublishedAsync(draft.Code);
    }

    [Fact]
    public async Task Service_served_from_another_endpoint_cannot_be_published_but_a_new_method_on_the_same_endpoint_can()
    {
        var elsewhere = TestResources.Complete(TestResources.NewCode("T"));
        elsewhere.GrpcService = "exchange.publicsecurity.v1.PopulationService";
        elsewhere.GrpcMethods.Clear();
        elsewhere.GrpcMethods.Add("GetHousehold");
        elsewhere.Endpoint = "http://127.0.0.1:17999";
        await Client.CreateResourceDraftAsync(new CreateResourceDraftRequest { Resource = elsewhere }, cancellationToken: Ct);

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Client.PublishResourceAsync(new PublishResourceRequest { Code = elsewhere.Code }, cancellationToken: Ct).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        var problem = Assert.Single(error.GetRpcStatus()!.GetDetail<PreconditionFailure>().Violations);
        Assert.Contains(CatalogProcess.SeedEndpoints["PUBLIC-SECURITY"], problem.Description);
        await AssertNotPublishedAsync(elsewhere.Code);

        elsewhere.Endpoint = CatalogProcess.SeedEndpoints["PUBLIC-SECURITY"] + "/";
        await Client.UpdateResourceDraftAsync(new UpdateResourceDraftRequest { Resource = elsewhere }, cancellationToken: Ct);
        var published = await Client.PublishResourceAsync(new PublishResourceRequest { Code = elsewhere.Code }, cancellationToken: Ct);
        Assert.Equal(1, published.Resource.Version);
    }

    [Fact]
    public async Task Deprecate_stops_routing_keeps_the_version_and_the_entry_can_be_published_again()
    {
        var draft = TestResources.Complete(TestResources.NewCode("T"));
        await Client.CreateResourceDraftAsync(new CreateResourceDraftRequest { Resource = draft }, cancellationToken: Ct);
        await Client.PublishResourceAsync(new PublishResourceRequest { Code = draft.Code }, cancellationToken: Ct);

        var deprecated = (await Client.DeprecateResourceAsync(new DeprecateResourceRequest { Code = draft.Code }, cancellationToken: Ct)).Resource;

        Assert.Equal((1, ResourceState.Deprecated), (deprecated.Version, deprecated.State));
        await AssertNotPublishedAsync(draft.Code);
        var kept = (await Client.GetResourceAsync(new GetResourceRequest { Code = draft.Code, Version = 1 }, cancellationToken: Ct)).Resource;
        Assert.Equal(ResourceState.Deprecated, kept.State);
        var again = await Assert.ThrowsAsync<RpcException>(() =>
            Client.DeprecateResourceAsync(new DeprecateResourceRequest { Code = draft.Code }, cancellationToken: Ct).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, again.StatusCode);

        var republished = (await Client.PublishResourceAsync(new PublishResourceRequest { Code = draft.Code }, cancellationToken: Ct)).Resource;
        Assert.Equal((2, ResourceState.Published), (republished.Version, republished.State));
        kept = (await Client.GetResourceAsync(new GetResourceRequest { Code = draft.Code, Version = 1 }, cancellationToken: Ct)).Resource;
        Assert.Equal(ResourceState.Deprecated, kept.State);
    }

    [Fact]
    public async Task Deprecating_an_unknown_resource_is_not_found_and_a_never_published_one_failed_precondition()
    {
        var draft = TestResources.Complete(TestResources.NewCode("T"));
        await Client.CreateResourceDraftAsync(new CreateResourceDraftRequest { Resource = draft }, cancellationToken: Ct);

        var unknown = await Assert.ThrowsAsync<RpcException>(() =>
            Client.DeprecateResourceAsync(new DeprecateResourceRequest { Code = TestResources.NewCode("T") }, cancellationToken: Ct).ResponseAsync);
        var unpublished = await Assert.ThrowsAsync<RpcException>(() =>
            Client.DeprecateResourceAsync(new DeprecateResourceRequest { Code = draft.Code }, cancellationToken: Ct).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(StatusCode.FailedPrecondition, unpublished.StatusCode);
    }

    [Fact]
    public async Task List_filters_by_provider_and_shows_only_published_resources()
    {
        var draftOnly = TestResources.Complete(TestResources.NewCode("T"));
        await Client.CreateResourceDraftAsync(new CreateResourceDraftRequest { Resource = draftOnly }, cancellationToken: Ct);

        var all = await Client.ListResourcesAsync(new ListResourcesRequest(), cancellationToken: Ct);
        var market = await Client.ListResourcesAsync(new ListResourcesRequest { ProviderDepartmentCode = "MARKET-REGULATION" }, cancellationToken: Ct);

        Assert.DoesNotContain(all.Resources, r => r.Code == draftOnly.Code);
        Assert.All(all.Resources, r => Assert.Equal(ResourceState.Published, r.State));
        Assert.Equal(["MR-CREDIT-STATUS", "MR-ELICENCE", "MR-ENTERPRISE-BASIC", "MR-REPRESENTED-ENTERPRISES"], market.Resources.Select(r => r.Code).Order());
    }

    private async Task AssertNotPublishedAsync(string code)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Client.GetResourceAsync(new GetResourceRequest { Code = code }, cancellationToken: Ct).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        var listed = await Client.ListResourcesAsync(new ListResourcesRequest(), cancellationToken: Ct);
        Assert.DoesNotContain(listed.Resources, r => r.Code == code);
    }
}

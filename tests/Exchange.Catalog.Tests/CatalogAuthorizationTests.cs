using Exchange.Protos.Catalog.V1;
using Exchange.Testing;
using Grpc.Core;

namespace Exchange.Catalog.Tests;

[Collection(SharedCatalogCollection.Name)]
public sealed class CatalogAuthorizationTests(CatalogProcess catalog)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Writes => ["RegisterDepartment", "CreateResourceDraft", "UpdateResourceDraft", "PublishResource", "DeprecateResource"];

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task Write_without_a_token_is_unauthenticated_and_changes_nothing(string write)
    {
        var (status, code) = await WriteAsync(catalog.Client, write);

        Assert.Equal(StatusCode.Unauthenticated, status.StatusCode);
        Assert.Contains("bearer token", status.Detail);
        await AssertUnchangedAsync(code);
    }

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task Write_with_a_department_token_is_permission_denied_naming_the_role_needed(string write)
    {
        var (status, code) = await WriteAsync(new CatalogService.CatalogServiceClient(catalog.CallsAs(ExchangeClients.PublicSecurity)), write);

        Assert.Equal(StatusCode.PermissionDenied, status.StatusCode);
        Assert.Contains("catalog-admin", status.Detail);
        await AssertUnchangedAsync(code);
    }

    [Fact]
    public async Task Write_with_the_gateway_token_is_permission_denied()
    {
        var (status, _) = await WriteAsync(new CatalogService.CatalogServiceClient(catalog.CallsAs(ExchangeClients.Gateway)), "PublishResource");

        Assert.Equal(StatusCode.PermissionDenied, status.StatusCode);
    }

    [Fact]
    public async Task Reads_need_no_token()
    {
        await catalog.Client.ListDepartmentsAsync(new ListDepartmentsRequest(), cancellationToken: Ct);
        await catalog.Client.ListResourcesAsync(new ListResourcesRequest(), cancellationToken: Ct);
        await catalog.Client.GetResourceAsync(new GetResourceRequest { Code = "PS-RESIDENT-BASIC" }, cancellationToken: Ct);
        await catalog.Client.GetResourceDraftAsync(new GetResourceDraftRequest { Code = "PS-RESIDENT-BASIC" }, cancellationToken: Ct);
        using var watch = catalog.Client.WatchResources(new WatchResourcesRequest(), deadline: DateTime.UtcNow.AddSeconds(10), cancellationToken: Ct);
        Assert.True(await watch.ResponseStream.MoveNext(Ct));
    }

    [Fact]
    public async Task Forged_foreign_audience_and_malformed_tokens_are_unauthenticated()
    {
        var admin = await catalog.Tokens(ExchangeClients.CatalogAdmin).GetTokenAsync(Ct);
        var department = await catalog.Tokens(ExchangeClients.CivilAffairs).GetTokenAsync(Ct);
        var gatewayAudience = await catalog.Tokens(ExchangeClients.CivilAffairs, Exchange.Client.ExchangeScopes.Gateway).GetTokenAsync(Ct);

        var cases = new (string Authorization, string Reason)[]
        {
            ("Bearer " + Jwt.ResignedWithOwnKey(admin), "signature"),
            ("Bearer " + Jwt.WithClaim(department, "role", "catalog-admin"), "signature"),
            ("Bearer " + Jwt.WithClaim(gatewayAudience, "role", "catalog-admin"), "signature"),
            ("Bearer " + gatewayAudience, "exchange-catalog"),
            ("Bearer not-a-token", "bearer token"),
        };
        foreach (var (authorization, reason) in cases)
        {
            var (status, code) = await WriteAsync(new CatalogService.CatalogServiceClient(catalog.CallsWithAuthorization(authorization)), "RegisterDepartment");
            Assert.Equal(StatusCode.Unauthenticated, status.StatusCode);
            Assert.Contains(reason, status.Detail);
            await AssertUnchangedAsync(code);
        }
    }

    [Fact]
    public async Task Catalog_admin_token_may_write()
    {
        var code = TestResources.NewCode("AUTH");
        await catalog.Admin.RegisterDepartmentAsync(new RegisterDepartmentRequest { Department = new Department { Code = code, Name = "审计厅" } }, cancellationToken: Ct);

        var listed = await catalog.Client.ListDepartmentsAsync(new ListDepartmentsRequest(), cancellationToken: Ct);
        Assert.Contains(listed.Departments, d => d.Code == code);
    }

    /// <summary>Attempts one write with a fresh code; returns the status and the code it would have created or changed.</summary>
    private static async Task<(Status Status, string Code)> WriteAsync(CatalogService.CatalogServiceClient client, string write)
    {
        var code = TestResources.NewCode("AUTH");
        var error = await Assert.ThrowsAsync<RpcException>(() => write switch
        {
            "RegisterDepartment" => client.RegisterDepartmentAsync(new RegisterDepartmentRequest { Department = new Department { Code = code, Name = "冒名部门" } }, cancellationToken: Ct).ResponseAsync,
            "CreateResourceDraft" => client.CreateResourceDraftAsync(new CreateResourceDraftRequest { Resource = TestResources.Complete(code) }, cancellationToken: Ct).ResponseAsync,
            "UpdateResourceDraft" => UpdateSeeded(client),
            "PublishResource" => client.PublishResourceAsync(new PublishResourceRequest { Code = "PS-RESIDENT-BASIC" }, cancellationToken: Ct).ResponseAsync,
            "DeprecateResource" => client.DeprecateResourceAsync(new DeprecateResourceRequest { Code = "PS-RESIDENT-BASIC" }, cancellationToken: Ct).ResponseAsync,
            _ => throw new ArgumentOutOfRangeException(nameof(write)),
        });
        return (error.Status, code);

        static Task UpdateSeeded(CatalogService.CatalogServiceClient client)
        {
            var resource = new Resource { Code = "PS-RESIDENT-BASIC", Name = "被篡改的名称", ProviderDepartmentCode = "PUBLIC-SECURITY" };
            return client.UpdateResourceDraftAsync(new UpdateResourceDraftRequest { Resource = resource }, cancellationToken: Ct).ResponseAsync;
        }
    }

    private async Task AssertUnchangedAsync(string code)
    {
        var departments = await catalog.Client.ListDepartmentsAsync(new ListDepartmentsRequest(), cancellationToken: Ct);
        Assert.DoesNotContain(departments.Departments, d => d.Code == code);
        var draftLookup = await GrpcStatus.OfAsync(() =>
            catalog.Client.GetResourceDraftAsync(new GetResourceDraftRequest { Code = code }, cancellationToken: Ct).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, draftLookup);
        var seeded = (await catalog.Client.GetResourceAsync(new GetResourceRequest { Code = "PS-RESIDENT-BASIC" }, cancellationToken: Ct)).Resource;
        Assert.Equal((1, ResourceState.Published), (seeded.Version, seeded.State));
        var draft = (await catalog.Client.GetResourceDraftAsync(new GetResourceDraftRequest { Code = "PS-RESIDENT-BASIC" }, cancellationToken: Ct)).Resource;
        Assert.Equal("居民户籍基本信息", draft.Name);
    }
}

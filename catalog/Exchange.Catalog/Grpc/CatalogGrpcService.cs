using Exchange.Catalog.Domain;
using Exchange.Catalog.Watch;
using Exchange.Protos.Catalog.V1;
using Exchange.Catalog.Identity;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace Exchange.Catalog.Grpc;

/// <summary>
/// exchange.catalog.v1.CatalogService over the department registry, the resource catalog and the watch feed.
/// Reads are open to anyone who can reach the catalog; writes need a catalog-admin token.
/// </summary>
public sealed class CatalogGrpcService(DepartmentRegistry departments, ResourceCatalog catalog, ResourceWatch watch)
    : CatalogService.CatalogServiceBase
{
    [Authorize(Policy = CatalogPolicies.CatalogAdmin)]
    public override async Task<RegisterDepartmentResponse> RegisterDepartment(RegisterDepartmentRequest request, ServerCallContext context) =>
        new() { Department = await departments.RegisterAsync(request.Department, context.CancellationToken) };

    public override async Task<ListDepartmentsResponse> ListDepartments(ListDepartmentsRequest request, ServerCallContext context) =>
        new() { Departments = { await departments.ListAsync(context.CancellationToken) } };

    [Authorize(Policy = CatalogPolicies.CatalogAdmin)]
    public override async Task<CreateResourceDraftResponse> CreateResourceDraft(CreateResourceDraftRequest request, ServerCallContext context) =>
        new() { Resource = await catalog.CreateDraftAsync(request.Resource, context.CancellationToken) };

    [Authorize(Policy = CatalogPolicies.CatalogAdmin)]
    public override async Task<UpdateResourceDraftResponse> UpdateResourceDraft(UpdateResourceDraftRequest request, ServerCallContext context) =>
        new() { Resource = await catalog.UpdateDraftAsync(request.Resource, context.CancellationToken) };

    public override async Task<GetResourceDraftResponse> GetResourceDraft(GetResourceDraftRequest request, ServerCallContext context) =>
        new() { Resource = await catalog.GetDraftAsync(request.Code, context.CancellationToken) };

    [Authorize(Policy = CatalogPolicies.CatalogAdmin)]
    public override async Task<PublishResourceResponse> PublishResource(PublishResourceRequest request, ServerCallContext context) =>
        new() { Resource = await catalog.PublishAsync(request.Code, context.CancellationToken) };

    [Authorize(Policy = CatalogPolicies.CatalogAdmin)]
    public override async Task<DeprecateResourceResponse> DeprecateResource(DeprecateResourceRequest request, ServerCallContext context) =>
        new() { Resource = await catalog.DeprecateAsync(request.Code, context.CancellationToken) };

    public override async Task<ListResourcesResponse> ListResources(ListResourcesRequest request, ServerCallContext context) =>
        new() { Resources = { await catalog.ListPublishedAsync(request.ProviderDepartmentCode, context.CancellationToken) } };

    public override async Task<GetResourceResponse> GetResource(GetResourceRequest request, ServerCallContext context) =>
        new() { Resource = await catalog.GetAsync(request.Code, request.Version, context.CancellationToken) };

    public override async Task WatchResources(WatchResourcesRequest request, IServerStreamWriter<WatchResourcesResponse> responseStream, ServerCallContext context)
    {
        await foreach (var response in watch.EventsAsync(context.CancellationToken))
            await responseStream.WriteAsync(response, context.CancellationToken);
    }
}

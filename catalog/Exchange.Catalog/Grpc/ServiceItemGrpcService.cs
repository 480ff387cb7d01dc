using Exchange.Catalog.Licences;
using Exchange.Protos.Catalog.V1;
using Grpc.Core;

namespace Exchange.Catalog.Grpc;

/// <summary>exchange.catalog.v1.ServiceItemService: service items and their materials, open to any caller.</summary>
public sealed class ServiceItemGrpcService(ServiceItemCatalog items) : ServiceItemService.ServiceItemServiceBase
{
    public override async Task<ListServiceItemsResponse> ListServiceItems(ListServiceItemsRequest request, ServerCallContext context) =>
        new() { ServiceItems = { await items.ListAsync(context.CancellationToken) } };

    public override async Task<GetServiceItemResponse> GetServiceItem(GetServiceItemRequest request, ServerCallContext context) =>
        new() { ServiceItem = await items.GetAsync(request.Code.Trim(), context.CancellationToken) };
}

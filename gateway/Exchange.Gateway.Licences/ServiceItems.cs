using System.Collections.Concurrent;
using Exchange.Gateway.Catalog;
using Exchange.Protos.Catalog.V1;
using Exchange.ServiceDefaults.Errors;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace Exchange.Gateway.Licences;

/// <summary>
/// Service items and their materials, read from the catalog when first needed and again after the refresh interval;
/// while the catalog is unreachable the last copy is used.
/// </summary>
internal sealed class ServiceItems(CatalogChannel channel, IOptions<LicenceOptions> options, TimeProvider time) : IServiceItemSource
{
    private readonly ServiceItemService.ServiceItemServiceClient _catalog = new(channel.Channel);
    private readonly ConcurrentDictionary<string, (ServiceItem Item, DateTimeOffset ReadAt)> _items = new(StringComparer.Ordinal);
    private readonly TimeSpan _refreshInterval = options.Value.CatalogRefreshInterval;
    private (IReadOnlyList<ServiceItem> Items, DateTimeOffset ReadAt)? _all;

    /// <summary>
    /// The item, when the department handles it: a service item lends its materials' licence types only to its own
    /// department; PERMISSION_DENIED naming the handling department otherwise.
    /// </summary>
    public static ServiceItem HandledBy(ServiceItem item, string department) =>
        string.Equals(item.DepartmentCode, department, StringComparison.Ordinal)
            ? item
            : throw new PermissionDeniedException(
                $"Service item {item.Code} ({item.Name}) is handled by {item.DepartmentCode}; {department} cannot check its materials or use licences under it.");

    /// <summary>Every service item of a department, ordered by code (the clerk page's choice); the last copy while the catalog is unreachable.</summary>
    public async Task<IReadOnlyList<ServiceItem>> OfDepartmentAsync(string department, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var known = _all;
        if (known is null || now - known.Value.ReadAt >= _refreshInterval)
        {
            try
            {
                var response = await _catalog.ListServiceItemsAsync(new ListServiceItemsRequest(), deadline: DateTime.UtcNow.AddSeconds(5), cancellationToken: cancellationToken);
                known = _all = ([.. response.ServiceItems], now);
            }
            catch (RpcException ex) when (ex.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded && !cancellationToken.IsCancellationRequested)
            {
                if (known is null)
                    return [];
            }
        }
        return known!.Value.Items.Where(i => string.Equals(i.DepartmentCode, department, StringComparison.Ordinal)).OrderBy(i => i.Code, StringComparer.Ordinal).ToList();
    }

    public async Task<ServiceItem> GetAsync(string code, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_items.TryGetValue(code, out var known) && now - known.ReadAt < _refreshInterval)
            return known.Item;
        try
        {
            var response = await _catalog.GetServiceItemAsync(new GetServiceItemRequest { Code = code }, deadline: DateTime.UtcNow.AddSeconds(5), cancellationToken: cancellationToken);
            _items[code] = (response.ServiceItem, now);
            return response.ServiceItem;
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
        {
            _items.TryRemove(code, out _);
            throw new NotFoundException($"The catalog has no service item {code}; see the catalog's service items for the codes.");
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded && !cancellationToken.IsCancellationRequested)
        {
            return known.Item ?? throw new UnavailableException($"The catalog is not reachable to read service item {code}; try again shortly.");
        }
    }
}

using Exchange.Protos.Catalog.V1;

namespace Exchange.Gateway.Routing;

/// <summary>
/// One routable gRPC method. Built once per catalog revision and shared by every request to that method,
/// so setting it as the request's feature costs no allocation.
/// </summary>
internal sealed class PublishedMethod(string grpcService, string grpcMethod, Resource resource, string endpoint)
    : IPublishedMethodFeature
{
    public string GrpcService { get; } = grpcService;
    public string GrpcMethod { get; } = grpcMethod;
    public Resource Resource { get; } = resource;
    public string Endpoint { get; } = endpoint;
    public IReadOnlyList<string> DataItems { get; } = ItemNames(resource);

    /// <summary>The request path of the method, <c>/{service}/{method}</c>.</summary>
    public string Path { get; } = $"/{grpcService}/{grpcMethod}";

    private static string[] ItemNames(Resource resource)
    {
        var names = new string[resource.DataItems.Count];
        for (var i = 0; i < names.Length; i++)
            names[i] = resource.DataItems[i].Name;
        return names;
    }
}

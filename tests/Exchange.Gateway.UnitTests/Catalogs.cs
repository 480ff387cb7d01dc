using Exchange.Gateway.Catalog;
using Exchange.Gateway.Routing;
using Exchange.Protos.Catalog.V1;
using Google.Protobuf.WellKnownTypes;

namespace Exchange.Gateway.UnitTests;

/// <summary>Resources and grants as the catalog would publish them, for building tables without a catalog.</summary>
internal static class Catalogs
{
    public const string Provider = "PUBLIC-SECURITY";
    public const string Consumer = "CIVIL-AFFAIRS";

    public static Resource Resource(
        string code,
        ShareType shareType = ShareType.Conditional,
        string service = "exchange.publicsecurity.v1.ResidentService",
        string endpoint = "https://127.0.0.1:7101",
        string provider = Provider,
        params string[] methods)
    {
        var resource = new Resource
        {
            Code = code,
            Name = code,
            ProviderDepartmentCode = provider,
            ShareType = shareType,
            GrpcService = service,
            Endpoint = endpoint,
            State = ResourceState.Published,
            Version = 1,
        };
        resource.GrpcMethods.Add(methods.Length == 0 ? ["GetResident"] : methods);
        resource.DataItems.Add(new DataItem { Name = "name" });
        resource.DataItems.Add(new DataItem { Name = "address" });
        resource.DataItems.Add(new DataItem { Name = "photo" });
        return resource;
    }

    public static PublishedCatalog Published(long revision, params Resource[] resources)
    {
        var snapshot = new ResourceSnapshot { Revision = revision };
        snapshot.Resources.Add(resources);
        return PublishedCatalog.FromSnapshot(snapshot);
    }

    public static PublishedMethod Method(Resource resource) =>
        RoutingTable.Build(Published(1, resource)).MethodsByPath.Values.Single();

    public static Grant Grant(string id, string resourceCode, DateTimeOffset from, DateTimeOffset until, params string[] items)
    {
        var grant = new Grant
        {
            ApplicationId = id,
            ConsumerDepartmentCode = Consumer,
            ResourceCode = resourceCode,
            ValidFrom = Timestamp.FromDateTimeOffset(from),
            ValidUntil = Timestamp.FromDateTimeOffset(until),
        };
        grant.DataItems.Add(items);
        return grant;
    }
}

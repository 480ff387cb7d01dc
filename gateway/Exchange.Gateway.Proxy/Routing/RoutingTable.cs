using System.Collections.Frozen;
using System.Net;
using System.Text.RegularExpressions;
using Exchange.Gateway.Catalog;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;

namespace Exchange.Gateway.Routing;

/// <summary>
/// Everything routing needs for one catalog revision, built together so that the YARP routes and clusters
/// and the method lookup of the request pipeline always describe the same catalog.
/// </summary>
internal sealed partial class RoutingTable
{
    private static readonly ForwarderRequestConfig Http2Only = new()
    {
        // Providers speak h2c: without an exact HTTP/2 request the handler would try HTTP/1.1 first.
        Version = HttpVersion.Version20,
        VersionPolicy = HttpVersionPolicy.RequestVersionExact,
    };

    private RoutingTable(
        long? revision,
        IReadOnlyList<RouteConfig> routes,
        IReadOnlyList<ClusterConfig> clusters,
        FrozenDictionary<string, PublishedMethod> methodsByPath,
        IReadOnlyList<string> problems)
    {
        Revision = revision;
        Routes = routes;
        Clusters = clusters;
        MethodsByPath = methodsByPath;
        Problems = problems;
    }

    public static RoutingTable Empty { get; } = new(null, [], [], FrozenDictionary<string, PublishedMethod>.Empty, []);

    /// <summary>The catalog revision the table reflects; null before any catalog is known.</summary>
    public long? Revision { get; }

    public IReadOnlyList<RouteConfig> Routes { get; }

    public IReadOnlyList<ClusterConfig> Clusters { get; }

    /// <summary>Published methods keyed by request path <c>/{service}/{method}</c>, compared ordinally as gRPC does.</summary>
    public FrozenDictionary<string, PublishedMethod> MethodsByPath { get; }

    /// <summary>Published resources that could not be routed, each with the reason.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <param name="allowPlaintext">Whether providers may be reached over h2c (Tls:AllowPlaintext); otherwise an http:// endpoint is unroutable.</param>
    public static RoutingTable Build(PublishedCatalog catalog, bool allowPlaintext = true)
    {
        var problems = new List<string>();
        var methods = new Dictionary<string, PublishedMethod>(StringComparer.Ordinal);

        // Code order makes the winner of a conflicting claim on a method the same on every gateway instance.
        foreach (var code in catalog.ResourcesByCode.Keys.Order(StringComparer.Ordinal))
        {
            var resource = catalog.ResourcesByCode[code];
            // Every issuer serves the same licence service, so these are brokered by the licence service instead.
            if (LicenceIssuerResources.IsIssuer(resource))
                continue;
            if (!QualifiedName().IsMatch(resource.GrpcService))
            {
                problems.Add($"{code}: gRPC service '{resource.GrpcService}' is not a fully qualified service name");
                continue;
            }
            if (!Uri.TryCreate(resource.Endpoint, UriKind.Absolute, out var endpointUri)
                || (endpointUri.Scheme != Uri.UriSchemeHttp && endpointUri.Scheme != Uri.UriSchemeHttps))
            {
                problems.Add($"{code}: endpoint '{resource.Endpoint}' is not an absolute http or https address");
                continue;
            }
            // The exchange context and the citizens' data must never cross the network in the clear.
            if (endpointUri.Scheme != Uri.UriSchemeHttps && !allowPlaintext)
            {
                problems.Add($"{code}: endpoint '{resource.Endpoint}' is plaintext; providers are reached over mutual TLS only (https://)");
                continue;
            }
            var endpoint = resource.Endpoint.TrimEnd('/');
            foreach (var methodName in resource.GrpcMethods)
            {
                if (!Identifier().IsMatch(methodName))
                {
                    problems.Add($"{code}: gRPC method '{methodName}' is not a method name");
                    continue;
                }
                var method = new PublishedMethod(resource.GrpcService, methodName, resource, endpoint);
                if (!methods.TryAdd(method.Path, method))
                    problems.Add($"{code}: {resource.GrpcService}/{methodName} is already served by {methods[method.Path].Resource.Code}");
            }
        }

        var (routes, clusters) = BuildProxyConfig(methods.Values);
        return new RoutingTable(catalog.Revision, routes, clusters, methods.ToFrozenDictionary(StringComparer.Ordinal), problems);
    }

    /// <summary>
    /// One route per service and one cluster per provider endpoint. A service whose methods are spread over
    /// several endpoints gets one route per method instead, so each method still reaches its own provider.
    /// </summary>
    private static (List<RouteConfig> Routes, List<ClusterConfig> Clusters) BuildProxyConfig(IEnumerable<PublishedMethod> methods)
    {
        var methodsByService = new SortedDictionary<string, List<PublishedMethod>>(StringComparer.Ordinal);
        var endpoints = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var method in methods)
        {
            if (!methodsByService.TryGetValue(method.GrpcService, out var list))
                methodsByService[method.GrpcService] = list = [];
            list.Add(method);
            endpoints.Add(method.Endpoint);
        }

        var routes = new List<RouteConfig>();
        foreach (var (service, serviceMethods) in methodsByService)
        {
            var endpoint = serviceMethods[0].Endpoint;
            if (serviceMethods.TrueForAll(m => m.Endpoint == endpoint))
            {
                routes.Add(Route($"grpc:{service}", $"/{service}/{{method}}", endpoint));
                continue;
            }
            foreach (var method in serviceMethods)
                routes.Add(Route($"grpc:{method.Path}", method.Path, method.Endpoint));
        }

        var clusters = new List<ClusterConfig>();
        foreach (var endpoint in endpoints)
        {
            clusters.Add(new ClusterConfig
            {
                ClusterId = ClusterId(endpoint),
                Destinations = new Dictionary<string, DestinationConfig>(StringComparer.Ordinal)
                {
                    ["provider"] = new() { Address = endpoint },
                },
                HttpRequest = Http2Only,
            });
        }
        return (routes, clusters);
    }

    private static RouteConfig Route(string routeId, string path, string endpoint) => new()
    {
        RouteId = routeId,
        ClusterId = ClusterId(endpoint),
        Match = new RouteMatch { Path = path },
    };

    private static string ClusterId(string endpoint) => $"provider:{endpoint}";

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)+$")]
    private static partial Regex QualifiedName();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Identifier();
}

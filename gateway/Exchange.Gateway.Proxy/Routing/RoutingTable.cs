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

    /// <summary>The cluster of every provider endpoint; a destination's id is its endpoint (<see cref="PublishedMethod.Endpoint"/>).</summary>
    public const string ProvidersClusterId = "providers";

    public static RoutingTable Empty { get; } = new(null, [], [], FrozenDictionary<string, PublishedMethod>.Empty, []);

    /// <summary>The catalog revision the table reflects; null before any catalog is known.</summary>
    public long? Revision { get; }

    public IReadOnlyList<RouteConfig> Routes { get; }

    public IReadOnlyList<ClusterConfig> Clusters { get; }

    /// <summary>Published methods keyed by request path <c>/{service}/{method}</c>, compared ordinally as gRPC does.</summary>
    public FrozenDictionary<string, PublishedMethod> MethodsByPath { get; }

    /// <summary>How many provider endpoints the published methods are served from.</summary>
    public int ProviderEndpointCount => Clusters.Count == 0 ? 0 : Clusters[0].Destinations?.Count ?? 0;

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
    /// One route for every gRPC method path and one cluster holding every provider endpoint as a destination (its id the
    /// endpoint), so YARP's configuration stays the same size however many resources are published: the request
    /// pipeline resolves the method from <see cref="MethodsByPath"/> and sends the call to that method's destination.
    /// Without a routable method there is no route, and every call falls through to the unrouted answer.
    /// </summary>
    private static (List<RouteConfig> Routes, List<ClusterConfig> Clusters) BuildProxyConfig(IEnumerable<PublishedMethod> methods)
    {
        var destinations = new SortedDictionary<string, DestinationConfig>(StringComparer.Ordinal);
        foreach (var method in methods)
        {
            if (!destinations.ContainsKey(method.Endpoint))
                destinations[method.Endpoint] = new DestinationConfig { Address = method.Endpoint };
        }
        if (destinations.Count == 0)
            return ([], []);

        var route = new RouteConfig
        {
            RouteId = "grpc:published-methods",
            ClusterId = ProvidersClusterId,
            Match = new RouteMatch { Path = "/{service}/{method}" },
        };
        var cluster = new ClusterConfig
        {
            ClusterId = ProvidersClusterId,
            Destinations = new Dictionary<string, DestinationConfig>(destinations, StringComparer.Ordinal),
            HttpRequest = Http2Only,
        };
        return ([route], [cluster]);
    }

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)+$")]
    private static partial Regex QualifiedName();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Identifier();
}

using Exchange.Protos.Catalog.V1;

namespace Exchange.Gateway.Routing;

/// <summary>
/// The published resources of licence issuers: every issuer serves the same <see cref="IssuerService"/>, so the proxy
/// routes none of them; the licence service (Exchange.Gateway.Licences) brokers them.
/// </summary>
public static class LicenceIssuerResources
{
    public const string IssuerService = "exchange.licence.v1.LicenceIssuerService";

    public static bool IsIssuer(Resource resource) => string.Equals(resource.GrpcService, IssuerService, StringComparison.Ordinal);
}

using Exchange.Gateway.Routing;
using Exchange.Protos.Catalog.V1;

namespace Exchange.Gateway.Licences;

/// <summary>
/// One issuing department as the published catalog describes it: its e-licence resource (served by
/// <c>exchange.licence.v1.LicenceIssuerService</c>), the licence types it issues and the methods the gateway calls.
/// </summary>
internal sealed class LicenceIssuer
{
    public const string IssuerService = LicenceIssuerResources.IssuerService;

    public LicenceIssuer(Resource resource)
    {
        Resource = resource;
        var endpoint = resource.Endpoint.TrimEnd('/');
        ListLicences = new PublishedMethod(IssuerService, "ListLicences", resource, endpoint);
        GetLicence = new PublishedMethod(IssuerService, "GetLicence", resource, endpoint);
        RevokeLicence = new PublishedMethod(IssuerService, "RevokeLicence", resource, endpoint);
    }

    public Resource Resource { get; }

    public string Department => Resource.ProviderDepartmentCode;

    public IReadOnlyList<string> TypeCodes => Resource.LicenceTypeCodes;

    public PublishedMethod ListLicences { get; }

    public PublishedMethod GetLicence { get; }

    public PublishedMethod RevokeLicence { get; }

    public string Endpoint => ListLicences.Endpoint;

    public static bool IsLicenceResource(Resource resource) => LicenceIssuerResources.IsIssuer(resource);
}

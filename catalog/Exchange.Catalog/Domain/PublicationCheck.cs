using System.Text.RegularExpressions;
using Exchange.Catalog.Store;
using Exchange.Protos.Catalog.V1;

namespace Exchange.Catalog.Domain;

/// <summary>
/// Everything that keeps a draft from being published: it must be complete enough for the gateway to route,
/// and must not claim a route another published resource already owns. Lists every problem, not the first.
/// </summary>
public static partial class PublicationCheck
{
    /// <param name="draft">The draft to publish.</param>
    /// <param name="providerRegistered">Whether the draft's provider department is registered.</param>
    /// <param name="otherPublished">The published versions of every other resource serving the draft's gRPC service.</param>
    public static IReadOnlyList<string> Problems(
        ResourceEntry draft, bool providerRegistered, IEnumerable<ResourceVersion> otherPublished)
    {
        var problems = new List<string>();

        if (draft.ProviderDepartmentCode.Length == 0)
            problems.Add("provider_department_code is empty");
        else if (!providerRegistered)
            problems.Add($"provider department {draft.ProviderDepartmentCode} is not registered");

        if (draft.DataItems.Count == 0)
            problems.Add("data_items is empty; a resource shares at least one data item");
        if (draft.DataItems.Any(item => item.Name.Length == 0))
            problems.Add("a data item has no name");
        foreach (var duplicate in draft.DataItems.Where(item => item.Name.Length > 0)
                     .GroupBy(item => item.Name, StringComparer.Ordinal).Where(group => group.Count() > 1))
            problems.Add($"data item name {duplicate.Key} appears {duplicate.Count()} times");

        if (draft.ShareType == ShareType.Unspecified)
            problems.Add("share_type is unspecified");

        if (draft.GrpcService.Length == 0)
            problems.Add("grpc_service is empty");
        else if (!ServiceName().IsMatch(draft.GrpcService))
            problems.Add($"grpc_service {draft.GrpcService} is not a fully qualified service name like exchange.publicsecurity.v1.PopulationService");

        if (draft.GrpcMethods.Count == 0)
            problems.Add("grpc_methods is empty");
        foreach (var method in draft.GrpcMethods.Where(method => !MethodName().IsMatch(method)))
            problems.Add($"grpc method '{method}' is not a method name like GetResident");
        foreach (var duplicate in draft.GrpcMethods.GroupBy(method => method, StringComparer.Ordinal).Where(group => group.Count() > 1))
            problems.Add($"grpc method {duplicate.Key} is listed {duplicate.Count()} times");

        var endpoint = ParseEndpoint(draft.Endpoint);
        if (draft.Endpoint.Length == 0)
            problems.Add("endpoint is empty");
        else if (endpoint is null)
            problems.Add($"endpoint '{draft.Endpoint}' is not an absolute http or https URI");

        var others = otherPublished.ToList();
        if (IsLicenceIssuer(draft))
        {
            LicenceIssuerProblems(draft, others, problems);
            return problems;
        }
        if (draft.LicenceTypeCodes.Count > 0)
            problems.Add($"licence_type_codes are only for e-licence resources served by {LicenceIssuerService}");
        foreach (var other in others)
        {
            foreach (var method in draft.GrpcMethods.Intersect(other.GrpcMethods, StringComparer.Ordinal))
                problems.Add($"method {draft.GrpcService}/{method} is already served by published resource {other.Code}");
        }
        if (endpoint is not null)
        {
            foreach (var elsewhere in others.Where(other => ParseEndpoint(other.Endpoint) is { } otherEndpoint && otherEndpoint != endpoint)
                         .GroupBy(other => other.Endpoint, StringComparer.Ordinal))
                problems.Add($"service {draft.GrpcService} is already served from {elsewhere.Key} by published resource(s) " +
                             $"{string.Join(", ", elsewhere.Select(other => other.Code))}; the gateway routes per service, so use that endpoint");
        }

        return problems;
    }

    /// <summary>
    /// Every issuing department serves the same service, from its own endpoint, so issuers do not conflict by method
    /// or endpoint; they conflict when two claim one licence type, because the gateway picks the issuer by type.
    /// </summary>
    private static void LicenceIssuerProblems(ResourceEntry draft, List<ResourceVersion> otherIssuers, List<string> problems)
    {
        if (draft.LicenceTypeCodes.Count == 0)
            problems.Add("licence_type_codes is empty; an e-licence resource names the licence types its provider issues");
        foreach (var type in draft.LicenceTypeCodes.Where(type => !LicenceTypeCode().IsMatch(type)))
            problems.Add($"licence type code '{type}' is not four upper-case letters or digits like RIDC");
        foreach (var other in otherIssuers)
        {
            foreach (var type in draft.LicenceTypeCodes.Intersect(other.LicenceTypeCodes, StringComparer.Ordinal))
                problems.Add($"licence type {type} is already issued by published resource {other.Code}");
        }
    }

    public const string LicenceIssuerService = "exchange.licence.v1.LicenceIssuerService";

    private static bool IsLicenceIssuer(ResourceDefinition draft) => string.Equals(draft.GrpcService, LicenceIssuerService, StringComparison.Ordinal);

    private static Uri? ParseEndpoint(string endpoint) =>
        Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : null;

    // pkg.vN.XxxService: at least one lower-case package segment, then a version segment, then the service.
    [GeneratedRegex(@"^[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)*\.v[0-9]+(?:(?:alpha|beta)[0-9]*)?\.[A-Z][A-Za-z0-9]*Service$", RegexOptions.CultureInvariant)]
    private static partial Regex ServiceName();

    [GeneratedRegex("^[A-Z][A-Za-z0-9]*$", RegexOptions.CultureInvariant)]
    private static partial Regex MethodName();

    [GeneratedRegex("^[A-Z0-9]{4}$", RegexOptions.CultureInvariant)]
    private static partial Regex LicenceTypeCode();
}

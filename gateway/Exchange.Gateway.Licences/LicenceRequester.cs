using Exchange.Protos.Catalog.V1;

namespace Exchange.Gateway.Licences;

/// <summary>
/// The department asking, and for which case and purpose: what the issuer sees in the exchange context. At a counter
/// also the service item being handled (checked to be the department's own), whose materials say which licence types
/// and items the case needs.
/// </summary>
internal sealed record LicenceRequester(string Department, string CaseNumber, string Purpose, string RequestId)
{
    public ServiceItem? ServiceItem { get; init; }
}

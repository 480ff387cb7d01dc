using Exchange.ExchangeContext;
using Exchange.Gateway.Grants;
using Exchange.Licences;
using Exchange.Protos.Catalog.V1;

namespace Exchange.Gateway.Licences;

/// <summary>
/// Licence use under the same admission as any department data: the issuer sees its own licences whole; another
/// department sees a licence type under its grant on the issuer's e-licence resource (the grant's items of that type)
/// and, at a counter, under the service item it handles (the items that the item's materials of that type need).
/// </summary>
internal sealed class LicenceAdmission(GrantAuthorizer grants)
{
    public LicenceDisclosure For(LicenceIssuer issuer, string typeCode, LicenceRequester requester)
    {
        if (string.Equals(requester.Department, issuer.Department, StringComparison.Ordinal))
            return LicenceDisclosure.Whole(typeCode);
        var decision = grants.Decide(requester.Department, issuer.GetLicence);
        return LicenceDisclosure.For(typeCode, decision.Allowed ? decision.DataItems : [], MaterialItems(requester.ServiceItem, typeCode));
    }

    /// <summary>Why the requester may not use licences of the type, naming the grant it lacks and what to do.</summary>
    public static string Denial(LicenceIssuer issuer, string typeCode, LicenceRequester requester)
    {
        var counter = requester.ServiceItem is { } item
            ? $"and no material of service item {item.Code} is a {typeCode} licence"
            : $"and the call names no service item ({ExchangeMetadata.ServiceItem}) whose materials include one";
        return $"{requester.Department} holds no grant for {typeCode} licences of {issuer.Resource.Code} (a grant naming items such as " +
               $"{LicenceDisclosure.Qualified(typeCode, LicenceDisclosure.HolderName)}) {counter}; apply for access to {issuer.Resource.Code} in the catalog, " +
               "or name the service item the case is of.";
    }

    private static IEnumerable<string>? MaterialItems(ServiceItem? item, string typeCode)
    {
        if (item is null)
            return null;
        List<string>? items = null;
        foreach (var material in item.Materials)
        {
            if (material.ReplacementCase == Material.ReplacementOneofCase.LicenceTypeCode
                && string.Equals(material.LicenceTypeCode, typeCode, StringComparison.Ordinal))
            {
                items ??= [];
                items.AddRange(material.LicenceDataItems);
            }
        }
        return items;
    }
}

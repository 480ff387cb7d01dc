using Exchange.Gateway.Licences.Facts;
using Exchange.Protos.Catalog.V1;

namespace Exchange.Gateway.Licences;

// What MaterialChecker decides on, as interfaces so that its rules are tested without a catalog, issuers or providers.
// In the gateway: ServiceItems (the catalog), LicenceBroker (the issuers, through the cache) and ProviderFacts.

/// <summary>A service item by code, as the catalog defines it.</summary>
internal interface IServiceItemSource
{
    Task<ServiceItem> GetAsync(string code, CancellationToken cancellationToken);
}

/// <summary>A holder's licences the requester may use, verified, with the issuers that did not answer.</summary>
internal interface IHolderLicenceSource
{
    Task<HolderLicences> ListByHolderAsync(string holderId, LicenceRequester requester, CancellationToken cancellationToken);
}

/// <summary>The shared records one check reads, under the requester's grants.</summary>
internal interface IFactSources
{
    IFactSource For(LicenceRequester requester);
}

using Exchange.Protos.Licence.V1;

namespace Exchange.Gateway.Licences;

/// <summary>The issuers' licence methods as the cache calls them; a seam so the cache's rules are tested without an issuer process.</summary>
internal interface IIssuerClient
{
    Task<IReadOnlyList<Licence>> ListAsync(LicenceIssuer issuer, string holderId, LicenceRequester requester, CancellationToken cancellationToken);

    /// <summary>The licence, or null when the issuer has none with that number.</summary>
    Task<Licence?> GetAsync(LicenceIssuer issuer, string number, LicenceRequester requester, CancellationToken cancellationToken);

    Task<Licence> RevokeAsync(LicenceIssuer issuer, string number, string reason, LicenceRequester requester, CancellationToken cancellationToken);
}
